import { describe, expect, test } from 'vitest';
import { executeHook } from './executeHook';
import { platformEnvelope, type Envelope } from './platformEnvelope';
import { getPoint } from './points';
import type { JsonValue, PointId } from './schemas';

// Each row is a Part A §10 case; `expected` is what tools/platform-oracle answered
// (auth0-ext-compilers 6.1.0 on webtask-runtime), with `stack` checked by its first line
// only (the platform's frames are its own files, Hookpad's the user's lines).

const USER_BODY = { user: { email: 'a@b.c' }, context: { connection: {} } };
const CE_BODY = { audience: 'a', client: { id: 'x' }, scope: ['read:x'] };

async function envelopeOf(point: PointId, code: string, payload: JsonValue): Promise<Envelope> {
  const hook = executeHook(
    { point, code, payload, secrets: {}, graceMs: 0 },
    { onLog: () => undefined, subscribeUncaught: () => () => undefined },
  );
  return platformEnvelope(point, await hook.settled);
}

/** The body with each `stack` reduced to its first line. */
function stackHeads(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(stackHeads);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'stack' && typeof item === 'string' ? item.split('\n')[0]! : stackHeads(item),
    ]),
  );
}

const user = (body: string) => `module.exports = function (user, context, cb) { ${body} };`;
const phone = (body: string) => `module.exports = function (r, t, context, cb) { ${body} };`;
const ce = (body: string) =>
  `module.exports = function (client, scope, audience, context, cb) { ${body} };`;

const SYNC = 'Script generated an unhandled synchronous exception.';
const COMPILE = 'Unable to compile the extensibility code as javascript';
const NO_ANSWER = 'No answer: the exception escaped and crashed the request on the platform.';

const rows: [string, PointId, string, JsonValue, Envelope][] = [
  [
    'cb() at a user point',
    'pre-user-registration',
    user('cb();'),
    USER_BODY,
    { status: 200, body: { statusCode: 200, headers: {}, status: 'success', data: {} } },
  ],
  [
    'cb() at credentials-exchange: no data key at all',
    'credentials-exchange',
    ce('cb();'),
    CE_BODY,
    { status: 200, body: { statusCode: 200, headers: {}, status: 'success' } },
  ],
  [
    'cb(null, a, b) keeps only a',
    'pre-user-registration',
    user('cb(null, {a: 1}, {b: 2});'),
    USER_BODY,
    { status: 200, body: { statusCode: 200, headers: {}, status: 'success', data: { a: 1 } } },
  ],
  [
    'cb("plain string") is wrapped in an Error',
    'pre-user-registration',
    user('cb("plain string");'),
    USER_BODY,
    {
      status: 200,
      body: { status: 'error', data: { stack: 'Error: plain string', message: 'plain string' } },
    },
  ],
  [
    'cb(new PreUserRegistrationError("log", "Sorry"))',
    'pre-user-registration',
    user('cb(new PreUserRegistrationError("log", "Sorry"));'),
    USER_BODY,
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: 'PreUserRegistrationError: log',
          message: 'log',
          name: 'PreUserRegistrationError',
          friendlyMessage: 'Sorry',
        },
      },
    },
  ],
  [
    'cb(new SendPhoneMessageError("a", "b"))',
    'send-phone-message',
    phone('cb(new SendPhoneMessageError("a", "b"));'),
    getPoint('send-phone-message').defaultPayload,
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: 'SendPhoneMessageError: a',
          message: 'a',
          name: 'SendPhoneMessageError',
          friendlyMessage: 'b',
        },
      },
    },
  ],
  [
    'cb(new ServerError("down")) at credentials-exchange',
    'credentials-exchange',
    ce('cb(new ServerError("down"));'),
    CE_BODY,
    {
      status: 200,
      body: {
        status: 'error',
        data: { stack: 'ServerError: down', message: 'down', name: 'ServerError' },
      },
    },
  ],
  [
    'cb(err) with own props: every own property, in order',
    'pre-user-registration',
    user('var e = new Error("x"); e.code = "E1"; e.status = 4; cb(e);'),
    USER_BODY,
    {
      status: 200,
      body: {
        status: 'error',
        data: { stack: 'Error: x', message: 'x', code: 'E1', status: 4 },
      },
    },
  ],
  [
    'a BigInt response',
    'pre-user-registration',
    user('cb(null, {a: BigInt(1)});'),
    USER_BODY,
    {
      status: 200,
      body: {
        status: 'error',
        data: {
          stack: 'Error: Error when JSON serializing the result of the extension point',
          message: 'Error when JSON serializing the result of the extension point',
        },
      },
    },
  ],
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

describe('platformEnvelope: the platform oracle’s answers (Part A §10)', () => {
  test.each(rows)('%s', async (_label, point, code, payload, expected) => {
    const envelope = await envelopeOf(point, code, payload);
    expect(
      envelope.status === null ? envelope : { ...envelope, body: stackHeads(envelope.body) },
    ).toEqual(expected);
  });

  test('cb twice: the first answer had been sent (the second call crashed the handler)', async () => {
    const envelope = await envelopeOf('pre-user-registration', user('cb(); cb();'), USER_BODY);
    expect(envelope).toEqual({
      status: 200,
      body: { statusCode: 200, headers: {}, status: 'success', data: {} },
    });
  });

  test('host outcomes have no answer, with a note', () => {
    const point = 'pre-user-registration';
    expect(platformEnvelope(point, { status: 'timed-out', durationMs: 1 })).toMatchObject({
      status: null,
      note: expect.stringContaining('20 s'),
    });
    expect(platformEnvelope(point, { status: 'cancelled', durationMs: 1 }).status).toBeNull();
    expect(
      platformEnvelope(point, { status: 'crashed', durationMs: 1, message: 'x' }).status,
    ).toBeNull();
  });

  test('the error stack keeps the user’s frames', async () => {
    const envelope = await envelopeOf(
      'pre-user-registration',
      user('cb(new Error("x"));'),
      USER_BODY,
    );
    expect(envelope).toMatchObject({
      body: { data: { stack: 'Error: x\n    at module.exports (hook.js:1:52)' } },
    });
  });
});
