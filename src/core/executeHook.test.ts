import { describe, expect, test } from 'vitest';
import { executeHook, UNSERIALIZABLE_MESSAGE } from './executeHook';
import { getPoint, points } from './points';
import type { EngineOutcome, LogEntry, PointId } from './schemas';

const USER_BODY = { user: { email: 'a@b.c' }, context: { connection: {} } };

async function run(
  code: string,
  point: PointId = 'pre-user-registration',
  payload: unknown = USER_BODY,
  extra: { graceMs?: number; subscribe?: (handler: (e: unknown) => void) => () => void } = {},
) {
  const logs: LogEntry[] = [];
  const hook = executeHook(
    {
      point,
      code,
      payload: payload as never,
      secrets: { API_KEY: 's3cret' },
      graceMs: extra.graceMs ?? 0,
    },
    { onLog: (entry) => logs.push(entry), subscribeUncaught: extra.subscribe },
  );
  const outcome = await hook.settled;
  await hook.finished;
  return { outcome, logs };
}

/** The outcome without its (timing-dependent) duration. */
function shape(outcome: EngineOutcome) {
  const { durationMs, ...rest } = outcome;
  expect(durationMs).toBeGreaterThanOrEqual(0);
  return rest;
}

const hookWith = (body: string) => `module.exports = function (user, context, cb) {\n${body}\n};`;

describe('outcomes', () => {
  test('success keeps only the first value after the error', async () => {
    const { outcome } = await run(hookWith('  cb(null, { a: 1 }, { b: 2 });'));
    expect(shape(outcome)).toEqual({ status: 'succeeded', response: { a: 1 } });
  });

  test('cb() at a user point answers {}', async () => {
    const { outcome } = await run(hookWith('  cb();'));
    expect(shape(outcome)).toEqual({ status: 'succeeded', response: {} });
  });

  test('cb() at credentials-exchange answers nothing', async () => {
    const code = 'module.exports = function (client, scope, audience, context, cb) { cb(); };';
    const { outcome } = await run(code, 'credentials-exchange', { client: {}, audience: 'x' });
    expect(shape(outcome)).toEqual({ status: 'succeeded' });
  });

  test('a falsy error argument is a success, as on the platform', async () => {
    const { outcome } = await run(hookWith("  cb('', { a: 1 });"));
    expect(shape(outcome)).toEqual({ status: 'succeeded', response: { a: 1 } });
  });

  test('cb("plain string") is wrapped in an Error', async () => {
    const { outcome } = await run(hookWith("  cb('plain string');"));
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: { name: 'Error', message: 'plain string', location: { line: 2, column: 3 } },
    });
  });

  test('cb(err) keeps own props such as code', async () => {
    const { outcome } = await run(hookWith("  var e = new Error('x'); e.code = 'E1';\n  cb(e);"));
    expect(outcome).toMatchObject({
      kind: 'callback-error',
      error: {
        name: 'Error',
        message: 'x',
        props: { code: 'E1' },
        location: { line: 2, column: 11 },
      },
    });
  });

  test('PreUserRegistrationError carries name, message and friendlyMessage', async () => {
    const { outcome } = await run(hookWith("  cb(new PreUserRegistrationError('log', 'Sorry'));"));
    expect(shape(outcome)).toEqual({
      status: 'failed',
      kind: 'callback-error',
      error: {
        name: 'PreUserRegistrationError',
        message: 'log',
        friendlyMessage: 'Sorry',
        stack: 'PreUserRegistrationError: log\n    at module.exports (hook.js:2:6)',
        location: { line: 2, column: 6 },
        // The platform's envelope lists exactly these (oracle: stack, message, name, friendlyMessage).
        ownKeys: ['stack', 'message', 'name', 'friendlyMessage'],
      },
    });
  });

  test('SendPhoneMessageError defaults its friendlyMessage to the message', async () => {
    const point = getPoint('send-phone-message');
    const code =
      "module.exports = function (r, t, context, cb) { cb(new SendPhoneMessageError('a')); };";
    const { outcome } = await run(code, point.id, point.defaultPayload);
    expect(outcome).toMatchObject({
      error: { name: 'SendPhoneMessageError', message: 'a', friendlyMessage: 'a' },
    });
  });

  test('a BigInt in the response cannot be serialised', async () => {
    const { outcome } = await run(hookWith('  cb(null, { n: 10n });'));
    expect(shape(outcome)).toEqual({
      status: 'failed',
      kind: 'unserializable',
      error: { name: 'Error', message: UNSERIALIZABLE_MESSAGE },
    });
  });

  test('a synchronous throw, with its line:column', async () => {
    const { outcome } = await run(hookWith("  var a = 1;\n  throw new TypeError('boom');"));
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'thrown',
      error: { name: 'TypeError', message: 'boom', location: { line: 3, column: 9 } },
    });
  });

  test('a throw inside setTimeout, with its line', async () => {
    const { outcome } = await run(
      hookWith("  setTimeout(function () {\n    throw new Error('late');\n  }, 1);"),
    );
    expect(outcome).toMatchObject({
      kind: 'async-throw',
      error: { message: 'late', location: { line: 3, column: 11 } },
    });
  });

  test('a throw inside process.nextTick and setImmediate', async () => {
    const tick = await run(hookWith("  process.nextTick(() => { throw new Error('tick'); });"));
    expect(tick.outcome).toMatchObject({ kind: 'async-throw', error: { message: 'tick' } });
    const immediate = await run(hookWith('  setImmediate(() => { null.x; });'));
    expect(immediate.outcome).toMatchObject({
      kind: 'async-throw',
      error: { name: 'TypeError', location: { line: 2, column: 29 } },
    });
  });

  test('an async export whose promise rejects, with its line', async () => {
    const code =
      "module.exports = async function (user, context, cb) {\n  await null;\n  throw new Error('rej');\n};";
    const { outcome } = await run(code);
    expect(outcome).toMatchObject({
      kind: 'rejected',
      error: { message: 'rej', location: { line: 3, column: 9 } },
    });
  });

  test('errors reported by the host (unhandled rejections) are async throws', async () => {
    let report: (e: unknown) => void = () => undefined;
    let unsubscribed = false;
    const subscribe = (handler: (e: unknown) => void) => {
      report = handler;
      return () => (unsubscribed = true);
    };
    const code = hookWith('  setTimeout(() => {}, 5);');
    const pending = run(code, 'pre-user-registration', USER_BODY, { subscribe });
    report('escaped');
    const { outcome } = await pending;
    expect(outcome).toMatchObject({ kind: 'async-throw', error: { message: 'escaped' } });
    expect(unsubscribed).toBe(true);
  });

  test('a second cb call is a warning with its line', async () => {
    const { outcome, logs } = await run(hookWith('  cb();\n  cb(new Error("again"));'));
    expect(outcome.status).toBe('succeeded');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      level: 'warn',
      source: 'runtime',
      text: 'cb was called again (call #2) — ignored; the platform would have crashed the request here: the call threw "Cannot write headers after they are sent to the client", so nothing after it ran there',
      location: { line: 3, column: 3 },
      afterCallback: true,
    });
  });

  test('module.exports that is not a function', async () => {
    const { outcome } = await run('module.exports = 42;');
    expect(shape(outcome)).toEqual({
      status: 'failed',
      kind: 'not-a-function',
      error: { name: 'TypeError', message: 'module.exports is not a function (got number)' },
    });
  });

  test('a syntax error, located in the user’s code', async () => {
    const { outcome } = await run('module.exports = function () {\n  foo(1,));\n};');
    expect(shape(outcome)).toEqual({
      status: 'failed',
      kind: 'compile',
      error: {
        name: 'SyntaxError',
        message: "Unexpected token ')'",
        location: { line: 2, column: 10 },
      },
    });
  });

  test('redeclaring a prelude class fails to compile, as on the platform', async () => {
    const { outcome } = await run(
      'class PreUserRegistrationError {}\nmodule.exports = function () {};',
    );
    expect(outcome).toMatchObject({
      kind: 'compile',
      error: {
        name: 'SyntaxError',
        message: "Identifier 'PreUserRegistrationError' has already been declared",
        location: { line: 1, column: 7 },
      },
    });
  });

  test('hooks may still declare names that are globals in Node', async () => {
    const { outcome } = await run('let console = 1;\n' + hookWith('  cb(null, { c: console });'));
    expect(shape(outcome)).toEqual({ status: 'succeeded', response: { c: 1 } });
  });

  test('an unknown module fails at require, version stripped', async () => {
    const { outcome } = await run(
      "var lodash = require('@scope/lodash@4.17.21');\n" + hookWith('cb();'),
    );
    expect(outcome).toMatchObject({
      kind: 'compile',
      error: {
        message:
          "Module '@scope/lodash' is not available in Hookpad — add a module mock or choose Auto-mock for it",
        location: { line: 1, column: 14 },
      },
    });
  });

  test('an invalid body fails before the hook runs', async () => {
    const { outcome, logs } = await run(
      hookWith("console.log('ran'); cb();"),
      'pre-user-registration',
      {
        user: {},
      },
    );
    expect(shape(outcome)).toEqual({
      status: 'failed',
      kind: 'invalid-body',
      error: {
        name: 'Error',
        message: 'Body.context received by extensibility point is not an object',
      },
    });
    expect(logs).toEqual([]);
  });

  test.each(points.map((p) => [p.id, p] as const))(
    '%s: starter code succeeds',
    async (_id, point) => {
      const { outcome } = await run(point.starterCode, point.id, point.defaultPayload);
      expect(outcome.status).toBe('succeeded');
    },
  );
});
