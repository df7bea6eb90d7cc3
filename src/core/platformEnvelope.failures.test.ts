import { describe, expect, test } from 'vitest';
import type { Envelope } from './platformEnvelope';
import { getPoint } from './points';
import type { JsonValue, PointId } from './schemas';
import {
  USER_BODY,
  CE_BODY,
  envelopeOf,
  stackHeads,
  user,
  phone,
  ce,
  SYNC,
  COMPILE,
  NO_ANSWER,
} from './envelopeOf.testSupport';

// Each row is a failure case; `expected` is what the platform oracle answered
// (auth0-ext-compilers 6.1.0 on webtask-runtime), with `stack` checked by its first line
// only (the platform's frames are its own files, Hookpad's the user's lines).

const rows: [string, PointId, string, JsonValue, Envelope][] = [
  [
    'a synchronous throw',
    'pre-user-registration',
    user('throw new Error("boom");'),
    USER_BODY,
    {
      status: 500,
      body: { code: 500, error: SYNC, details: 'Error: boom', name: 'Error', message: 'boom' },
    },
  ],
  [
    'a synchronous throw of a string',
    'pre-user-registration',
    user('throw "str";'),
    USER_BODY,
    { status: 500, body: { code: 500, error: SYNC, details: 'str' } },
  ],
  [
    'module.exports = 42',
    'pre-user-registration',
    'module.exports = 42;',
    USER_BODY,
    {
      status: 500,
      body: {
        code: 500,
        error: SYNC,
        details: 'TypeError: func is not a function',
        name: 'TypeError',
        message: 'func is not a function',
      },
    },
  ],
  [
    'PostUserRegistrationError does not exist',
    'post-user-registration',
    user('cb(new PostUserRegistrationError("x"));'),
    USER_BODY,
    {
      status: 500,
      body: {
        code: 500,
        error: SYNC,
        details: 'ReferenceError: PostUserRegistrationError is not defined',
        name: 'ReferenceError',
        message: 'PostUserRegistrationError is not defined',
      },
    },
  ],
  [
    'redeclaring the prelude class',
    'pre-user-registration',
    'class PreUserRegistrationError {}\n' + user('cb();'),
    USER_BODY,
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: `SyntaxError: ${COMPILE}`,
          message: COMPILE,
          error_description: "Identifier 'PreUserRegistrationError' has already been declared",
        },
      },
    },
  ],
  [
    'a syntax error',
    'pre-user-registration',
    'module.exports = function (user, context, cb) { cb(); ));',
    USER_BODY,
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: `SyntaxError: ${COMPILE}`,
          message: COMPILE,
          error_description: "Unexpected token ')'",
        },
      },
    },
  ],
  [
    'a throw at the top level is a compile error',
    'pre-user-registration',
    'throw new Error("top");',
    USER_BODY,
    {
      status: 200,
      body: {
        status: 'error',
        data: { stack: `Error: ${COMPILE}`, message: COMPILE, error_description: 'top' },
      },
    },
  ],
  [
    'a string thrown at the top level stays a plain error',
    'pre-user-registration',
    'throw "top";',
    USER_BODY,
    { status: 200, body: { status: 'error', data: { stack: 'Error: top', message: 'top' } } },
  ],
  [
    'a compile error wins over an invalid body',
    'pre-user-registration',
    'module.exports = function () { ));',
    { user: 1 },
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: `SyntaxError: ${COMPILE}`,
          message: COMPILE,
          error_description: "Unexpected token ')'",
        },
      },
    },
  ],
  [
    'an invalid body wins over a non-function export',
    'pre-user-registration',
    'module.exports = 42;',
    { user: 1 },
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: 'Error: Body.user received by extensibility point is not an object',
          message: 'Body.user received by extensibility point is not an object',
        },
      },
    },
  ],
  [
    'credentials-exchange scope "read"',
    'credentials-exchange',
    ce('cb();'),
    { ...CE_BODY, scope: 'read' },
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: 'Error: Body .scope received by extensibility point is neither empty nor an array',
          message: 'Body .scope received by extensibility point is neither empty nor an array',
        },
      },
    },
  ],
  [
    'send-phone-message message_type "email"',
    'send-phone-message',
    phone('cb();'),
    {
      ...(getPoint('send-phone-message').defaultPayload as Record<string, JsonValue>),
      context: { message_type: 'email' },
    },
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack:
            'Error: Body.context.message_type received by extensibility point is not `sms` or `voice`',
          message:
            'Body.context.message_type received by extensibility point is not `sms` or `voice`',
        },
      },
    },
  ],
  [
    'a throw inside a timer',
    'pre-user-registration',
    user('setTimeout(function () { throw new Error("late"); }, 1);'),
    USER_BODY,
    { status: null, note: NO_ANSWER },
  ],
  [
    'a rejected async export',
    'pre-user-registration',
    'module.exports = async function (user, context, cb) { throw new Error("rej"); };',
    USER_BODY,
    { status: null, note: NO_ANSWER },
  ],
];

describe('platformEnvelope: the platform oracle’s answers', () => {
  test.each(rows)('%s', async (_label, point, code, payload, expected) => {
    const envelope = await envelopeOf(point, code, payload);
    expect(
      envelope.status === null ? envelope : { ...envelope, body: stackHeads(envelope.body) },
    ).toEqual(expected);
  });
});
