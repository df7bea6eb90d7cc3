import { z } from '../schemaKit';
import type { ExtensibilityPoint } from './types';
import {
  notAnObject,
  notAString,
  nullRead,
  nullWrite,
  requiredString,
  typeofObject,
  unchecked,
} from './bodyChecks';

// Checks of auth0-ext-compilers' client_credentials_exchange.js, in its order.
const SCOPE_MESSAGE = 'Body .scope received by extensibility point is neither empty nor an array';

const bodySchema = z.looseObject(
  {
    client: typeofObject(
      notAnObject('Body .client'),
      {
        id: unchecked('string — client id'),
        name: unchecked('string — client name'),
        tenant: unchecked('string — Auth0 tenant name'),
        metadata: unchecked('object — client metadata'),
      },
      'Information about the client (object).',
    ),
    // Only a truthy non-array fails: undefined, null, "", 0 and false are "empty".
    scope: z
      .optional(
        z.union([z.array(z.unknown()), z.literal(''), z.literal(0), z.literal(false), z.null()], {
          error: SCOPE_MESSAGE,
        }),
      )
      .check(z.describe('Array of strings: the scope claim of the token (or absent).')),
    audience: requiredString(notAString('Body .audience'), 'string — the token’s audience claim'),
    // Anything but null: an object is used as the hook's context, any other value is
    // replaced by {}. The platform crashed on null while attaching `webtask`.
    context: z
      .optional(
        z.unknown().check(
          z.refine((value) => value !== null, {
            error: nullWrite('webtask'),
          }),
        ),
      )
      .check(
        z.describe(
          'Additional authorization context (object, optional; `webtask` is added). `body` is the token request’s body (grant_type, client_id, audience, scope, and any custom parameters).',
        ),
      ),
  },
  {
    error: (issue) =>
      issue.input === null
        ? nullRead('client')
        : Array.isArray(issue.input)
          ? notAnObject('Body .client')
          : notAnObject('Body'),
  },
);

const starterCode = `/**
@param {object} client - information about the client
@param {string} client.name - name of client
@param {string} client.id - client id
@param {string} client.tenant - Auth0 tenant name
@param {object} client.metadata - client metadata
@param {array|undefined} scope - array of strings representing the scope claim or undefined
@param {string} audience - token's audience claim
@param {object} context - additional authorization context
@param {object} context.webtask - webtask context
@param {function} cb - function (error, accessTokenClaims)
*/
module.exports = function(client, scope, audience, context, cb) {
  var access_token = {};
  access_token.scope = scope; // do not remove this line

  // Modify scopes or add extra claims
  // access_token['https://example.com/claim'] = 'bar';
  // access_token.scope.push('extra');

  // Deny the token request with an OAuth error
  // return cb(new InvalidScopeError('Not authorized for this scope.'));

  cb(null, access_token);
};
`;

export const credentialsExchange: ExtensibilityPoint = {
  id: 'credentials-exchange',
  label: 'Client Credentials Exchange',
  params: ['client', 'scope', 'audience', 'context', 'cb'],
  starterCode,
  defaultPayload: {
    audience: 'https://my-tenant.auth0.com/api/v2/',
    client: {
      id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      name: 'client-name',
      tenant: 'my-tenant',
      metadata: { plan: 'full' },
    },
    scope: ['read:connections'],
    // The token request as the platform passed it on (docs/runtime-semantics.md §2): published
    // hooks read custom parameters from context.body.
    context: {
      body: {
        grant_type: 'client_credentials',
        client_id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        audience: 'https://my-tenant.auth0.com/api/v2/',
        scope: 'read:connections',
      },
    },
  },
  bodySchema,
  errorClasses: ['InvalidRequestError', 'InvalidScopeError', 'ServerError'],
  toArgs(body, webtask) {
    // The platform mutates body.context (so context.webtask.body.context is a cycle).
    const context = typeof body.context === 'object' && body.context !== null ? body.context : {};
    (context as Record<string, unknown>).webtask = webtask;
    return [body.client, body.scope, body.audience, context];
  },
  // The platform passes the value through: cb() answers with no data at all.
  normalizeResponse: (value) => value,
  continuesAfterCallback: false,
  responseUse: 'access-token-claims',
};
