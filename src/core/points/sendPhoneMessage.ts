import { z } from '../schemaKit';
import type { ExtensibilityPoint } from './types';
import {
  checkedObject,
  notAnObject,
  notAString,
  nullRead,
  requiredString,
  typeofObject,
  unchecked,
} from './bodyChecks';

// Checks of auth0-ext-compilers' send-phone-message.js, in its order. `null` passes its
// `typeof` tests and then crashed the platform on the next property read: the schema gives
// the crash's TypeError message, and validateBody reports it as a crash.

const MESSAGE_TYPE =
  'Body.context.message_type received by extensibility point is not `sms` or `voice`';
const ACTION =
  'Body.context.action received by extensibility point is not `enrollment` or `second-factor-authentication`';

const client = z.optional(
  checkedObject(
    {
      notObject: notAnObject('Body.context.client'),
      onNull: nullRead('client_id'),
      onArray: notAString('Body.context.client.client_id'),
    },
    {
      client_id: requiredString(notAString('Body.context.client.client_id'), 'string — client id'),
      name: requiredString(notAString('Body.context.client.name'), 'string — application name'),
      client_metadata: z.optional(
        typeofObject(
          notAnObject('Body.context.client.client_metadata'),
          {},
          'object — client metadata (optional)',
        ),
      ),
    },
    'The application (optional; if present client_id and name are required).',
  ),
);

const context = checkedObject(
  {
    notObject: notAnObject('Body.context'),
    onNull: nullRead('message_type'),
    onArray: MESSAGE_TYPE,
  },
  {
    message_type: z
      .enum(['sms', 'voice'], { error: MESSAGE_TYPE })
      .check(z.describe('"sms" or "voice"')),
    action: z
      .enum(['enrollment', 'second-factor-authentication'], { error: ACTION })
      .check(z.describe('"enrollment" or "second-factor-authentication"')),
    language: requiredString(notAString('Body.context.language'), 'Language of the login flow'),
    code: requiredString(notAString('Body.context.code'), 'The one-time password'),
    ip: requiredString(notAString('Body.context.ip'), 'IP address of the user'),
    user_agent: requiredString(notAString('Body.context.user_agent'), 'User agent of the user'),
    client,
    user: typeofObject(
      notAnObject('Body.context.user'),
      {
        user_id: unchecked('string — user id'),
        name: unchecked('string — user name'),
        email: unchecked('string — email'),
        app_metadata: unchecked('object — app metadata'),
        user_metadata: unchecked('object — user metadata'),
      },
      'The user (object, required).',
    ),
  },
  'Message context (object, required).',
);

const bodySchema = z.looseObject(
  {
    recipient: requiredString(notAString('Body.recipient'), 'The phone number (string).'),
    text: requiredString(notAString('Body.text'), 'The message body (string).'),
    context,
  },
  {
    error: (issue) =>
      issue.input === null
        ? nullRead('recipient')
        : Array.isArray(issue.input)
          ? notAString('Body.recipient')
          : notAnObject('Body'),
  },
);

const starterCode = `/**
@param {string} recipient - phone number
@param {string} text - message body
@param {object} context - additional authorization context
@param {string} context.message_type - 'sms' or 'voice'
@param {string} context.action - 'enrollment' or 'second-factor-authentication'
@param {string} context.language - language used by the login flow
@param {string} context.code - one time password
@param {string} context.ip - ip address
@param {string} context.user_agent - user agent making the authentication request
@param {object} context.client - object with details about the Auth0 application
@param {string} context.client.client_id - client id
@param {string} context.client.name - client name
@param {object} context.client.client_metadata - client metadata
@param {object} context.user - object representing the user
@param {string} context.user.user_id - user id
@param {string} context.user.name - user name
@param {string} context.user.email - email
@param {object} context.user.app_metadata - metadata specific to the application
@param {object} context.user.user_metadata - metadata that the user can manage
@param {object} context.webtask - webtask context
@param {function} cb - function (error, response)
*/
module.exports = function(recipient, text, context, cb) {
  // Send the message through your SMS provider here.
  cb(null, {});
};
`;

export const sendPhoneMessage: ExtensibilityPoint = {
  id: 'send-phone-message',
  label: 'Send Phone Message',
  params: ['recipient', 'text', 'context', 'cb'],
  starterCode,
  defaultPayload: {
    recipient: '1-808-555-5555',
    text: 'Here is your one time password: 999111',
    context: {
      message_type: 'sms',
      action: 'enrollment',
      language: 'en',
      code: '123456',
      ip: '127.0.0.1',
      user_agent: 'Mozilla/5.0',
      client: { client_id: '1235', name: 'Test Application', client_metadata: {} },
      user: {
        user_id: 'auth0|test12345',
        name: 'Billie Magnusson',
        email: 'billie@email.com',
        app_metadata: {},
        user_metadata: {},
      },
    },
  },
  bodySchema,
  errorClasses: ['SendPhoneMessageError'],
  toArgs(body, webtask) {
    // The platform mutates body.context (so context.webtask.body.context is a cycle).
    const ctx = body.context as Record<string, unknown>;
    ctx.webtask = webtask;
    return [body.recipient, body.text, ctx];
  },
  // The platform passes the value through: cb() answers with no data at all.
  normalizeResponse: (value) => value,
  continuesAfterCallback: false,
  responseUse: 'not-used',
};
