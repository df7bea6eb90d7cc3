import { describe, expect, test } from 'vitest';
import { platformEnvelope, type Envelope } from './platformEnvelope';
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
} from './envelopeOf.testSupport';

// Each row is a case of docs/runtime-semantics.md §9; `expected` is what the platform oracle
// answered (auth0-ext-compilers 6.1.0 on webtask-runtime), with `stack` checked by its first line
// only (the platform's frames are its own files, Hookpad's the user's lines).

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
];

describe('platformEnvelope: the platform oracle’s answers', () => {
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
