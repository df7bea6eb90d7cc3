import { describe, expect, test } from 'vitest';
import { executeHook } from './executeHook';
import { formatLogArgs } from './formatLog';
import { MAX_LOG_ENTRIES } from './outputLimits';
import type { LogEntry, PointId } from './schemas';

const BODY = { user: {}, context: { connection: {} } };

async function logsOf(code: string, point: PointId = 'pre-user-registration', graceMs = 0) {
  const logs: LogEntry[] = [];
  let clock = 100;
  const hook = executeHook(
    { point, code, payload: BODY, secrets: {}, graceMs },
    { onLog: (entry) => logs.push(entry), now: () => (clock += 5) },
  );
  const outcome = await hook.settled;
  await hook.finished;
  return { logs, outcome };
}

describe('formatLogArgs (util.format)', () => {
  test.each([
    [['a %s b', 'x'], 'a x b'],
    [['%d|%i|%f', '42', '42.9', '1.5'], '42|42|1.5'],
    [['%j', { a: [1] }], '{"a":[1]}'],
    [['%o and %O', { a: 1 }, { b: 'x' }], "{ a: 1 } and { b: 'x' }"],
    [['100%%', 1], '100% 1'],
    [['100%%'], '100%%'],
    [['%s', 10n], '10n'],
    [['%s'], '%s'],
    [['%c styled', 'color: red'], ' styled'],
    [['text', 'more', 3, { a: 'x' }], "text more 3 { a: 'x' }"],
    [[{ a: { b: { c: { d: 1 } } } }], '{ a: { b: { c: [Object] } } }'],
    [[undefined, null], 'undefined null'],
  ])('case %# → %s', (args, expected) => {
    expect(formatLogArgs(args)).toBe(expected);
  });

  test('%j of a cycle', () => {
    const a: Record<string, unknown> = {};
    a.a = a;
    expect(formatLogArgs(['%j', a])).toBe('[Circular]');
  });
});

describe('console capture', () => {
  test('a cyclic object: text, structured args, line and time', async () => {
    const code = [
      'module.exports = function (user, context, cb) {',
      '  var o = { name: "x" }; o.self = o;',
      '  console.log("value:", o);',
      '  console.warn("careful");',
      '  cb();',
      '};',
    ].join('\n');
    const { logs } = await logsOf(code);
    expect(logs).toEqual([
      {
        seq: 0,
        level: 'log',
        source: 'hook',
        timeMs: 5,
        text: "value: { name: 'x', self: [Circular] }",
        args: ['value:', { name: 'x', self: '[Circular]' }],
        location: { line: 3, column: 11 },
      },
      {
        seq: 1,
        level: 'warn',
        source: 'hook',
        timeMs: 10,
        text: 'careful',
        args: ['careful'],
        location: { line: 4, column: 11 },
      },
    ]);
  });

  test('the context (with its webtask cycle) can be logged', async () => {
    const code = 'module.exports = function (r, t, context, cb) { console.log(context); cb(); };';
    const body = {
      recipient: '1',
      text: 't',
      context: {
        message_type: 'sms',
        action: 'enrollment',
        language: 'en',
        code: '1',
        ip: 'i',
        user_agent: 'u',
        user: {},
      },
    };
    const logs: LogEntry[] = [];
    const hook = executeHook(
      { point: 'send-phone-message', code, payload: body, secrets: { K: 'v' }, graceMs: 0 },
      { onLog: (entry) => logs.push(entry) },
    );
    expect((await hook.settled).status).toBe('succeeded');
    expect(logs[0]?.text).toMatch(/^{ message_type: 'sms', .*webtask: { /);
    expect(logs[0]?.args[0]).toMatchObject({
      webtask: { secrets: { K: 'v' }, data: { K: 'v' }, body: { context: '[Circular]' } },
    });
  });

  test('one entry’s text is capped', async () => {
    const { logs } = await logsOf(
      'module.exports = function (u, c, cb) { console.log("x".repeat(10005)); cb(); };',
    );
    expect(logs[0]?.text).toBe(`${'x'.repeat(10_000)}… (5 more characters)`);
  });

  test('the number of entries is capped, with one notice at the end', async () => {
    const { logs } = await logsOf(
      'module.exports = function (u, c, cb) { for (var i = 0; i < 1500; i++) console.log(i); cb(); };',
    );
    expect(logs).toHaveLength(MAX_LOG_ENTRIES + 1);
    expect(logs.at(-2)?.text).toBe('999');
    expect(logs.at(-1)).toMatchObject({
      level: 'warn',
      source: 'runtime',
      text: '500 more console lines were dropped',
    });
  });

  test('post-user-registration keeps collecting during the grace period', async () => {
    const code = [
      'module.exports = function (user, context, cb) {',
      '  cb();',
      '  setTimeout(function () { console.log("later"); }, 5);',
      '  setTimeout(function () { throw new Error("late"); }, 10);',
      '  setTimeout(function () { console.log("too late"); }, 500);',
      '};',
    ].join('\n');
    const { logs, outcome } = await logsOf(code, 'post-user-registration', 100);
    expect(outcome.status).toBe('succeeded');
    expect(logs.map((e) => [e.source, e.level, e.text, e.afterCallback, e.location?.line])).toEqual(
      [
        ['hook', 'log', 'later', true, 3],
        [
          'runtime',
          'error',
          'Uncaught Error: late (after the run had settled) — ignored; the platform would have crashed the request',
          true,
          4,
        ],
        [
          'runtime',
          'warn',
          '1 timer was still running 100 ms after the answer was sent; Hookpad stopped it there, the platform’s process would have kept running it',
          true,
          undefined,
        ],
      ],
    );
  });

  test('pre-user-registration keeps collecting during the grace period too', async () => {
    const code =
      'module.exports = function (u, c, cb) { cb(); console.log("same tick"); setTimeout(function () { console.log("next"); }, 20); };';
    const { logs } = await logsOf(code, 'pre-user-registration', 100);
    expect(logs.map((e) => [e.text, e.afterCallback])).toEqual([
      ['same tick', true],
      ['next', true],
    ]);
  });
});

describe('console.dir', () => {
  // The texts are Node's: util.inspect(value, { depth }) for these values.
  test('honours depth (a number, or null for every level); the default is 2', async () => {
    const { logs } = await logsOf(
      `module.exports = function (user, context, cb) {
  const value = { a: { b: { c: { d: 1 } } } };
  console.dir(value);
  console.dir(value, { depth: 0 });
  console.dir(value, { depth: null, colors: false, showHidden: true });
  console.dir('text', { depth: 5 });
  cb();
};`,
    );
    expect(logs.map((entry) => entry.text)).toEqual([
      '{ a: { b: { c: [Object] } } }',
      '{ a: [Object] }',
      '{ a: { b: { c: { d: 1 } } } }',
      "'text'",
    ]);
  });
});
