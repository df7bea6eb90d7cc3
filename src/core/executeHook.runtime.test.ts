import { describe, expect, test } from 'vitest';
import { executeHook } from './executeHook';
import type { EngineOutcome, JsonValue, LogEntry, PointId, StorageState } from './schemas';

// The runtime around the hook: context.webtask, globals, require, storage, after-callback. Values
// marked "oracle" are what the platform oracle answered (docs/runtime-semantics.md, introduction).

const USER_BODY = { user: { email: 'a@b.c' }, context: { connection: {} } };

async function run(
  code: string,
  options: {
    point?: PointId;
    payload?: JsonValue;
    graceMs?: number;
    storage?: StorageState;
  } = {},
) {
  const logs: LogEntry[] = [];
  const states: StorageState[] = [];
  const hook = executeHook(
    {
      point: options.point ?? 'pre-user-registration',
      code,
      payload: options.payload ?? USER_BODY,
      secrets: { API_KEY: 's3cret' },
      graceMs: options.graceMs ?? 0,
      ...(options.storage ? { storage: options.storage } : {}),
    },
    { onLog: (entry) => logs.push(entry), onStorage: (state) => states.push(state) },
  );
  const outcome = await hook.settled;
  await hook.finished;
  return { outcome, logs, states };
}

const user = (body: string) => `module.exports = function (user, context, cb) {\n${body}\n};`;
const response = (outcome: EngineOutcome) =>
  outcome.status === 'succeeded' ? outcome.response : outcome;

describe('context.webtask', () => {
  test('has the runtime’s keys in its order (oracle)', async () => {
    const { outcome } = await run(
      user(
        'cb(null, { keys: Object.keys(context.webtask), types: Object.keys(context.webtask).map(function (k) { return typeof context.webtask[k]; }) });',
      ),
    );
    expect(response(outcome)).toEqual({
      keys: [
        'data',
        'headers',
        'id',
        'params',
        'query',
        'secrets',
        'meta',
        'storage',
        'token',
        'body_raw',
        'body',
        'create_token',
        'create_token_url',
      ],
      // oracle: the same types, token undefined
      types: [
        'object',
        'object',
        'string',
        'object',
        'object',
        'object',
        'object',
        'object',
        'undefined',
        'string',
        'object',
        'function',
        'function',
      ],
    });
  });

  test('secrets, data, meta and body', async () => {
    const { outcome } = await run(
      user(
        'var w = context.webtask; cb(null, { s: w.secrets, d: w.data, m: w.meta, raw: w.body_raw, same: w.body.user === user });',
      ),
    );
    expect(response(outcome)).toEqual({
      s: { API_KEY: 's3cret' },
      d: { API_KEY: 's3cret' },
      m: {
        'auth0-extension': 'runtime',
        'auth0-extension-name': 'pre-user-registration',
        'wt-compiler': 'auth0-ext-compilers/pre-user-registration',
      },
      raw: JSON.stringify(USER_BODY),
      same: true,
    });
  });

  test('create_token and create_token_url throw a clear error', async () => {
    const { outcome } = await run(
      user(
        'var out = []; ["create_token", "create_token_url"].forEach(function (m) { try { context.webtask[m](); } catch (e) { out.push(e.message); } }); cb(null, out);',
      ),
    );
    expect(response(outcome)).toEqual([
      "The 'create_token' method is not available in Hookpad",
      "The 'create_token_url' method is not available in Hookpad",
    ]);
  });

  test('credentials-exchange without scope or context: scope undefined, context { webtask } (oracle)', async () => {
    const { outcome } = await run(
      'module.exports = function (client, scope, audience, context, cb) { cb(null, { scope: typeof scope, ctx: Object.keys(context), cycle: context.webtask.body.context === undefined }); };',
      { point: 'credentials-exchange', payload: { audience: 'a', client: {} } },
    );
    expect(response(outcome)).toEqual({ scope: 'undefined', ctx: ['webtask'], cycle: true });
  });

  test('credentials-exchange with a context: the same object, so a cycle (oracle)', async () => {
    const { outcome } = await run(
      'module.exports = function (client, scope, audience, context, cb) { cb(null, { same: context.webtask.body.context === context, cyc: context.webtask.body.context.webtask === context.webtask }); };',
      { point: 'credentials-exchange', payload: { audience: 'a', client: {}, context: { x: 1 } } },
    );
    expect(response(outcome)).toEqual({ same: true, cyc: true });
  });
});

describe('globals', () => {
  test('error classes: constructors and own fields (oracle)', async () => {
    const { outcome } = await run(
      'module.exports = function (client, scope, audience, context, cb) { var e = new ExtensibilityUserError("u"); var s = new InvalidScopeError("x"); cb(null, { n: e.name, own: Object.getOwnPropertyNames(e), isE: e instanceof Error, len: ExtensibilityUserError.length, ir: InvalidRequestError.length, sn: s.name, sub: s instanceof ExtensibilityUserError }); };',
      { point: 'credentials-exchange', payload: { audience: 'a', client: {} } },
    );
    expect(response(outcome)).toEqual({
      n: 'ExtensibilityUserError',
      own: ['stack', 'message', 'name'],
      isE: true,
      len: 1,
      ir: 1,
      sn: 'InvalidScopeError',
      sub: true,
    });
  });

  test('PreUserRegistrationError defaults friendlyMessage (oracle)', async () => {
    const { outcome } = await run(
      user(
        'var e = new PreUserRegistrationError("only"); cb(null, { f: e.friendlyMessage, own: Object.getOwnPropertyNames(e), s: String(e), len: PreUserRegistrationError.length });',
      ),
    );
    expect(response(outcome)).toEqual({
      f: 'only',
      own: ['stack', 'message', 'name', 'friendlyMessage'],
      s: 'PreUserRegistrationError: only',
      len: 2,
    });
  });

  test('a class the point lacks is a ReferenceError (oracle)', async () => {
    const { outcome } = await run(user('cb(new PostUserRegistrationError("x"));'), {
      point: 'post-user-registration',
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'thrown',
      error: { name: 'ReferenceError', message: 'PostUserRegistrationError is not defined' },
    });
  });

  test('Node globals a hook expects', async () => {
    const { outcome } = await run(
      user(
        'cb(null, { b: Buffer.from("hi").toString("base64"), pv: process.version, pn: process.versions.node, pl: process.platform, hr: process.hrtime().length, hb: typeof process.hrtime.bigint(), si: typeof setImmediate, g: global === globalThis, u: new URL("https://x.com/a?b=1").searchParams.get("b"), usp: typeof URLSearchParams, te: new TextDecoder().decode(new TextEncoder().encode("é")) });',
      ),
    );
    expect(response(outcome)).toEqual({
      b: 'aGk=',
      pv: 'v18.20.4',
      pn: '18.20.4',
      pl: 'linux',
      hr: 2,
      hb: 'bigint',
      si: 'function',
      g: true,
      u: '1',
      usp: 'function',
      te: 'é',
    });
  });

  test('process.env is writable but fresh every run', async () => {
    const code = user(
      'var before = process.env.X; process.env.X = "1"; cb(null, { before: before === undefined, after: process.env.X });',
    );
    expect(response((await run(code)).outcome)).toEqual({ before: true, after: '1' });
    expect(response((await run(code)).outcome)).toEqual({ before: true, after: '1' });
  });

  test('process.nextTick and setImmediate run their callbacks', async () => {
    const { outcome } = await run(
      user(
        'var seen = []; process.nextTick(function (a) { seen.push(a); }, "tick"); setImmediate(function () { seen.push("immediate"); cb(null, seen); });',
      ),
    );
    expect(response(outcome)).toEqual(['tick', 'immediate']);
  });
});

describe('require', () => {
  test("process and timers are the hook's own globals, as in Node", async () => {
    const { outcome } = await run(
      user(
        "var timers = require('timers');\n" +
          'cb(null, {\n' +
          "  process: require('process') === process && require('node:process') === process,\n" +
          '  timers: timers.setTimeout === setTimeout && timers.clearImmediate === clearImmediate,\n' +
          '  later: typeof timers.setImmediate,\n' +
          '});',
      ),
    );
    expect(response(outcome)).toEqual({ process: true, timers: true, later: 'function' });
  });

  test('modules required before the outcome are in it, with versions', async () => {
    const { outcome } = await run(
      `var crypto = require('crypto');\nvar qs = require('node:querystring');\n` +
        user(
          "try { require('cluster'); } catch (e) { var message = e.message; }\ntry { require('lodash@4.17.21'); } catch (e) {}\ncb(null, { hash: crypto.createHash('sha256').update('abc').digest('hex'), qs: qs.stringify({ a: 1 }), message: message });",
        ),
    );
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: {
        hash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        qs: 'a=1',
        message: "Node core module 'cluster' is not available in Hookpad",
      },
      requires: [
        { name: 'crypto', kind: 'builtin' },
        { name: 'querystring', kind: 'builtin' },
        { name: 'cluster', kind: 'missing' },
        { name: 'lodash', version: '4.17.21', kind: 'missing' },
      ],
    });
  });

  test('a module at two versions: a runtime warning with the line', async () => {
    const { logs } = await run(
      user(
        "try { require('uuid@8.0.0'); } catch (e) {}\ntry { require('uuid@9.0.0'); } catch (e) {}\ncb();",
      ),
    );
    expect(logs).toMatchObject([
      {
        level: 'warn',
        source: 'runtime',
        text: expect.stringContaining(
          "Module 'uuid' is required at version 9.0.0 here and at 8.0.0",
        ),
        location: { line: 3, column: 7 },
      },
    ]);
  });

  test('crypto.randomBytes calls back asynchronously', async () => {
    const { outcome } = await run(
      user(
        "var sync = true; require('crypto').randomBytes(4, function (e, b) { cb(null, { sync: sync, n: b.length }); }); sync = false;",
      ),
    );
    expect(response(outcome)).toEqual({ sync: false, n: 4 });
  });
});

describe('storage', () => {
  test('get, then set: reported to the host, the callback runs later', async () => {
    const { outcome, states } = await run(
      user(
        'var s = context.webtask.storage; s.get(function (e, data) { s.set({ n: data.n + 1 }, function (err) { cb(err, { was: data }); }); });',
      ),
      { storage: { data: { n: 1 }, etag: 'old' } },
    );
    expect(response(outcome)).toEqual({ was: { n: 1 } });
    expect(states).toEqual([{ data: { n: 2 }, etag: expect.any(String) }]);
  });

  test('set without get is the runtime’s error, thrown in the hook (oracle: a 500)', async () => {
    const { outcome, states } = await run(user('context.webtask.storage.set({ a: 1 }, cb);'));
    expect(outcome).toMatchObject({
      kind: 'thrown',
      error: {
        message:
          'When calling storage.set without having called storage.get before, you must specify the .force option.',
      },
    });
    expect(states).toEqual([]);
  });

  test('writes during the grace period still count', async () => {
    const { states } = await run(
      user(
        'cb();\nsetTimeout(function () { context.webtask.storage.set({ late: true }, { force: true }, function () {}); }, 5);',
      ),
      { point: 'post-user-registration', graceMs: 100 },
    );
    expect(states).toEqual([{ data: { late: true }, etag: expect.any(String) }]);
  });
});

describe('after the callback', () => {
  test('console output and escaped errors in the grace period are marked', async () => {
    const { outcome, logs } = await run(
      user('cb();\nsetTimeout(function () { console.log("later"); throw new Error("late"); }, 5);'),
      { point: 'post-user-registration', graceMs: 100 },
    );
    expect(outcome.status).toBe('succeeded');
    expect(logs).toMatchObject([
      { level: 'log', text: 'later', afterCallback: true },
      {
        level: 'error',
        source: 'runtime',
        text: 'Uncaught Error: late (after the run had settled) — ignored; the platform would have crashed the request',
        afterCallback: true,
        location: { line: 3, column: 54 },
      },
    ]);
  });

  test('an async export that resolves without cb is said at once', async () => {
    const logs: LogEntry[] = [];
    const hook = executeHook(
      {
        point: 'pre-user-registration',
        code: 'module.exports = async function (user, context, cb) { };',
        payload: USER_BODY,
        secrets: {},
        graceMs: 0,
      },
      { onLog: (entry) => logs.push(entry) },
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(logs).toMatchObject([
      {
        level: 'warn',
        source: 'runtime',
        text: 'the returned promise settled but cb was never called',
      },
    ]);
    // The run stays open: cb may still come from a timer; the host's timeout ends it.
    expect(await Promise.race([hook.settled, Promise.resolve('pending')])).toBe('pending');
  });
});
