import type { HookExample } from './types';

// Client Credentials Exchange: claims, scopes and OAuth errors (docs/runtime-semantics.md §8.2).

const addClaims: HookExample = {
  id: 'credentials-exchange-add-claims',
  point: 'credentials-exchange',
  title: 'Add claims',
  description:
    'The documented sample: adds a namespaced custom claim to the access token and keeps the requested scopes.',
  code: `module.exports = function (client, scope, audience, context, cb) {
  var access_token = {};
  access_token.scope = scope; // keep the requested scopes

  // Custom claims must be namespaced with an http(s) URL that is not an Auth0 domain.
  access_token['https://example.com/foo'] = 'bar';

  cb(null, access_token);
};
`,
  expected:
    'Succeeds; the token gets the claim https://example.com/foo = "bar" and keeps scope ["read:connections"]',
};

const denyScope: HookExample = {
  id: 'credentials-exchange-deny-scope',
  point: 'credentials-exchange',
  title: 'Deny scope',
  description:
    'Refuses write scopes to clients on the free plan with InvalidScopeError, which the platform answers as an OAuth invalid_scope error.',
  code: `var WRITE_SCOPE = /^(create|update|delete):/;

module.exports = function (client, scope, audience, context, cb) {
  var plan = (client.metadata && client.metadata.plan) || 'free';
  var writeScopes = (scope || []).filter(function (s) {
    return WRITE_SCOPE.test(s);
  });

  if (plan === 'free' && writeScopes.length > 0) {
    return cb(new InvalidScopeError('Scope ' + writeScopes.join(' ') + ' is not permitted on the free plan.'));
  }

  cb(null, { scope: scope });
};
`,
  payload: {
    audience: 'https://my-tenant.auth0.com/api/v2/',
    client: {
      id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      name: 'reporting-job',
      tenant: 'my-tenant',
      metadata: { plan: 'free' },
    },
    scope: ['read:users', 'update:users'],
  },
  expected:
    'Fails with InvalidScopeError; the platform answers 400 invalid_scope "Scope update:users is not permitted on the free plan."',
};

const droppedClaims: HookExample = {
  id: 'credentials-exchange-dropped-claims',
  point: 'credentials-exchange',
  title: 'Reserved and non-namespaced claims',
  description:
    'Only scope and claims namespaced with an http(s) URL outside auth0.com, webtask.io and webtask.run reach the token; the platform silently drops the others.',
  code: `module.exports = function (client, scope, audience, context, cb) {
  var access_token = { scope: scope };

  access_token['https://example.com/tenant'] = client.tenant; // kept: namespaced
  access_token['http://api.example.com/plan'] = client.metadata.plan; // kept: http works too
  access_token['https://auth0.com/roles'] = ['admin']; // dropped: auth0.com is reserved
  access_token['https://my-tenant.webtask.io/debug'] = true; // dropped: webtask.io subdomain
  access_token['urn:example:plan'] = client.metadata.plan; // dropped: not an http(s) URL
  access_token.plan = client.metadata.plan; // dropped: not namespaced

  cb(null, access_token);
};
`,
  expected:
    'Succeeds; the token keeps scope, https://example.com/tenant and http://api.example.com/plan, and lists the auth0.com, webtask.io, urn: and plain "plan" claims as dropped with their reasons',
};

const noScope: HookExample = {
  id: 'credentials-exchange-scope-undefined',
  point: 'credentials-exchange',
  title: 'Request without scope',
  description:
    'When the token request has no scope (and no context), the hook gets scope undefined and a context holding only webtask: guard before pushing scopes.',
  code: `module.exports = function (client, scope, audience, context, cb) {
  console.log('scope is', typeof scope, '- context keys:', Object.keys(context).join(', '));

  // scope.push('read:reports') would throw a TypeError here: start from an empty list.
  var access_token = { scope: (scope || []).concat('read:reports') };
  access_token['https://example.com/client_name'] = client.name;

  cb(null, access_token);
};
`,
  payload: {
    audience: 'https://api.example.com/',
    client: {
      id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      name: 'nightly-export',
      tenant: 'my-tenant',
      metadata: {},
    },
  },
  action: {
    code: `exports.onExecuteCredentialsExchange = async (event, api) => {
  // An Action has no context argument: event carries what the hook read from it.
  console.log('scope is', typeof event.accessToken.scope, '- event keys:', Object.keys(event).join(', '));

  // TODO(port): Actions cannot replace the token’s scope: the requested scopes are kept. Grant them to the client instead.
  api.accessToken.setCustomClaim('https://example.com/client_name', event.client.name);
};
`,
  },
  actionDifferences: ['claim scope only in the hook'],
  expected:
    'Succeeds; logs "scope is undefined - context keys: webtask" and the token gets scope ["read:reports"] and https://example.com/client_name = "nightly-export"',
};

const jsonSecret: HookExample = {
  id: 'credentials-exchange-json-config-secret',
  point: 'credentials-exchange',
  title: 'Plans from a JSON secret',
  description:
    'Keeps per-plan settings in one secret holding a JSON document (JSON.parse(context.webtask.secrets.CONFIG)) and turns them into scopes and namespaced claims.',
  code: `module.exports = function (client, scope, audience, context, cb) {
  var config;
  try {
    config = JSON.parse(context.webtask.secrets.CONFIG);
  } catch (e) {
    return cb(new ServerError('The CONFIG secret is not valid JSON: ' + e.message));
  }

  var planName = (client.metadata && client.metadata.plan) || 'default';
  var plan = config.plans[planName] || config.plans['default'];

  var access_token = { scope: (scope || []).concat(plan.extraScopes) };
  access_token[config.namespace + 'plan'] = planName;
  access_token[config.namespace + 'rate_limit'] = plan.rateLimit;

  cb(null, access_token);
};
`,
  secrets: {
    CONFIG: JSON.stringify({
      namespace: 'https://api.example.com/',
      plans: {
        full: { extraScopes: ['read:reports'], rateLimit: 1000 },
        default: { extraScopes: [], rateLimit: 100 },
      },
    }),
  },
  actionDifferences: [
    'claim scope: hook ["read:connections","read:reports"], action ["read:connections"]',
  ],
  expected:
    'Succeeds; the token gets scope ["read:connections", "read:reports"], https://api.example.com/plan = "full" and https://api.example.com/rate_limit = 1000',
};

export const credentialsExchangeExamples: readonly HookExample[] = [
  addClaims,
  denyScope,
  droppedClaims,
  noScope,
  jsonSecret,
];
