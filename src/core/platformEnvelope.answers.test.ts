import { describe, expect, test } from 'vitest';
import { executeHook } from './executeHook';
import { platformEnvelope } from './platformEnvelope';
import type { JsonValue, LogEntry, PointId } from './schemas';
import { CE_BODY, USER_BODY, ce, user } from './envelopeOf.testSupport';
import { authorizationError, requestHeaders } from './extensionSecret';

// Answers the platform built around the hook's error (docs/runtime-semantics.md §9). Every
// expected text is what the platform oracle answered (auth0-ext-compilers 6.1.0 on
// webtask-runtime, Node's V8), verbatim.

async function runOf(
  point: PointId,
  code: string,
  payload: JsonValue,
  secrets: Record<string, string> = {},
) {
  const logs: LogEntry[] = [];
  const hook = executeHook(
    { point, code, payload, secrets, graceMs: 0 },
    { onLog: (entry) => logs.push(entry), subscribeUncaught: () => () => undefined },
  );
  const outcome = await hook.settled;
  await hook.finished;
  return { outcome, logs, envelope: platformEnvelope(point, outcome) };
}

const serializing = (detail: string) => `Error serializing error: ${detail}`;
const errorAnswer = (message: string) => ({
  status: 200,
  body: { status: 'error', data: { stack: `Error: ${message}`, message } },
});

describe('an error the platform cannot serialise', () => {
  test.each([
    [
      'a reference to itself (oracle)',
      'pre-user-registration',
      user('var e = new Error("boom");\n e.self = e; cb(e);'),
      USER_BODY,
      "Converting circular structure to JSON\n    --> starting at object with constructor 'Error'\n    --- property 'self' closes the circle",
    ],
    [
      'a cycle deeper in a property (oracle)',
      'pre-user-registration',
      user('var e = new Error("boom");\n e.a = { b: {} }; e.a.b.c = e.a; cb(e);'),
      USER_BODY,
      "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'b' -> object with constructor 'Object'\n    --- property 'c' closes the circle",
    ],
    [
      'a PreUserRegistrationError holding the user that holds it (oracle)',
      'pre-user-registration',
      user(
        'var e = new PreUserRegistrationError("no", "Sorry");\n e.user = user; user.err = e; cb(e);',
      ),
      USER_BODY,
      "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'err' -> object with constructor 'PreUserRegistrationError'\n    --- property 'user' closes the circle",
    ],
    [
      'the context with its webtask cycle (oracle)',
      'credentials-exchange',
      ce('var e = new Error("boom");\n e.context = context; cb(e);'),
      { ...CE_BODY, context: {} },
      "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'webtask' -> object with constructor 'Object'\n    |     property 'body' -> object with constructor 'Object'\n    --- property 'context' closes the circle",
    ],
    [
      'a BigInt property (oracle)',
      'pre-user-registration',
      user('var e = new Error("boom");\n e.n = BigInt(1); cb(e);'),
      USER_BODY,
      'Do not know how to serialize a BigInt',
    ],
  ])('%s', async (_label, point, code, payload, detail) => {
    const { outcome, envelope, logs } = await runOf(point as PointId, code, payload);
    const message = serializing(detail);
    expect(envelope).toEqual(errorAnswer(message));
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: { name: 'Error', message, location: { line: 1 } },
    });
    expect(logs).toEqual([
      expect.objectContaining({
        source: 'runtime',
        level: 'warn',
        location: expect.objectContaining({ line: 1 }),
      }),
    ]);
    expect(logs[0]!.text).toMatch(
      /^The error passed to cb \((Error|PreUserRegistrationError): (boom|no)\) cannot be serialised to JSON, so the platform answered with the error "Error serializing error" instead$/,
    );
  });

  test('a non-Error with a cycle is wrapped first, so it serialises (oracle)', async () => {
    const { envelope, logs } = await runOf(
      'pre-user-registration',
      user('var o = { message: "m" }; o.self = o; cb(o);'),
      USER_BODY,
    );
    expect(envelope).toMatchObject({ status: 200, body: { data: { message: 'm' } } });
    expect(logs).toEqual([]);
  });
});

const UNAUTHORIZED = {
  status: 200,
  body: {
    status: 'error',
    data: {
      stack: 'Error: Unauthorized extensibility point',
      message: 'Unauthorized extensibility point',
      statusCode: 500,
    },
  },
};
const echoHeaders = user('cb(null, context.webtask.headers);');

describe('the extension secret', () => {
  test('with auth0-extension-secret set, the hook sees the bearer the platform sent (oracle)', async () => {
    const { outcome } = await runOf('pre-user-registration', echoHeaders, USER_BODY, {
      'auth0-extension-secret': 'abc',
    });
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: {
        'content-type': 'application/json',
        authorization: 'Bearer abc',
        'content-length': String(JSON.stringify(USER_BODY).length),
        host: 'hooks.webtask.invalid',
      },
    });
  });

  test('without it there is no authorization header', async () => {
    const { outcome } = await runOf('pre-user-registration', echoHeaders, { ...USER_BODY, é: 1 });
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: {
        'content-type': 'application/json',
        // bytes, not characters
        'content-length': String(JSON.stringify({ ...USER_BODY, é: 1 }).length + 1),
        host: 'hooks.webtask.invalid',
      },
    });
    expect(Object.keys((outcome as { response: object }).response)).not.toContain('authorization');
  });

  test('a secret ending in whitespace never matches the header: Unauthorized, before the body check (oracle)', async () => {
    const { outcome, envelope, logs } = await runOf('credentials-exchange', ce('cb();'), null, {
      'auth0-extension-secret': 'abc ',
    });
    expect(outcome).toMatchObject({ status: 'failed', kind: 'invalid-body' });
    expect(envelope).toEqual(UNAUTHORIZED);
    expect(logs.map((entry) => [entry.source, entry.level, entry.text])).toEqual([
      [
        'runtime',
        'error',
        'The platform refused the request before the body check: the secret auth0-extension-secret is set, and the request’s Authorization header was not "Bearer <that secret>" (HTTP drops whitespace around a header value, so a secret that ends in whitespace never matches)',
      ],
    ]);
  });

  test('a compile error wins over the check (oracle)', async () => {
    const { outcome } = await runOf('pre-user-registration', 'module.exports = ));', USER_BODY, {
      'auth0-extension-secret': 'abc ',
    });
    expect(outcome).toMatchObject({ status: 'failed', kind: 'compile' });
  });
});

describe('authorizationError: the platform’s check of the Authorization header', () => {
  const secrets = { 'auth0-extension-secret': 'abc' };
  test.each([
    ['the Runner’s bearer', { authorization: 'Bearer abc' }, true],
    ['the scheme in lower case (oracle)', { authorization: 'bearer abc' }, true],
    ['another secret (oracle)', { authorization: 'Bearer xyz' }, false],
    ['another scheme (oracle)', { authorization: 'Basic abc' }, false],
    ['no header (oracle)', {}, false],
  ])('%s', (_label, headers: Record<string, string>, passes) => {
    const error = authorizationError(secrets, headers);
    expect(error === undefined).toBe(passes);
    if (error) {
      expect(
        platformEnvelope('pre-user-registration', {
          status: 'failed',
          kind: 'invalid-body',
          error,
          durationMs: 1,
        }),
      ).toEqual(UNAUTHORIZED);
    }
  });

  test('an empty secret is no secret: nothing is checked (oracle)', () => {
    expect(authorizationError({ 'auth0-extension-secret': '' }, {})).toBeUndefined();
    expect(requestHeaders({ 'auth0-extension-secret': '' }, '{}')).not.toHaveProperty(
      'authorization',
    );
  });
});
