import { describe, expect, test } from 'vitest';
import { points } from './points';
import type { PointId } from './schemas';
import { pendingWorkNote } from './runtimeMessages';
import { mock, runHook } from './network/runHook.testkit';

// After the answer (docs/runtime-semantics.md §7): the platform's process went on with the
// hook's timers and requests at every point; Hookpad keeps them for the grace period, marks
// their output "after callback", and says what it stops at the end.

/** A hook of any point: cb is its last argument. */
const anyPoint = (body: string) =>
  `module.exports = function () {\n  var cb = arguments[arguments.length - 1];\n${body}\n};`;

const run = (code: string, point: PointId, graceMs: number, mocks = [mock({ urlPattern: '' })]) =>
  runHook(code, { mocks }, { point, graceMs });

describe('work after cb at every point', () => {
  test.each(points.map((point) => point.id))(
    '%s: a timer after cb still runs, marked after callback',
    async (point) => {
      const { outcome, lines } = await run(
        anyPoint('  cb();\n  setTimeout(function () { console.log("later"); }, 5);'),
        point,
        200,
      );
      expect(outcome.status).toBe('succeeded');
      expect(lines).toEqual(['later (after callback)']);
    },
  );

  test('after cb(err) too (credentials-exchange)', async () => {
    const { outcome, lines } = await run(
      anyPoint(
        '  cb(new InvalidScopeError("no"));\n  setTimeout(function () { console.log("later"); }, 5);',
      ),
      'credentials-exchange',
      200,
    );
    expect(outcome).toMatchObject({ status: 'failed', kind: 'callback-error' });
    expect(lines).toEqual(['later (after callback)']);
  });

  test('a request answered after cb at send-phone-message is in the trace, marked', async () => {
    const { entries, lines } = await run(
      anyPoint(
        '  fetch("https://sms.example.com/send").then(function (r) { console.log("sent", r.status); });\n  cb();',
      ),
      'send-phone-message',
      300,
      [mock({ urlPattern: 'https://sms.example.com/*', delayMs: 20 })],
    );
    expect(entries).toMatchObject([
      { url: 'https://sms.example.com/send', status: 200, afterCallback: true },
    ]);
    expect(lines).toEqual(['sent 200 (after callback)']);
  });
});

describe('what the end of the grace period cuts is said', () => {
  const slow = [mock({ urlPattern: 'https://slow.example.com/*', delayMs: 5_000 })];

  test('one timer (pre-user-registration)', async () => {
    const { lines } = await run(
      anyPoint('  setTimeout(function () {}, 5000);\n  cb();'),
      'pre-user-registration',
      50,
    );
    expect(lines).toEqual([
      '1 timer was still running 50 ms after the answer was sent; Hookpad stopped it there, the platform’s process would have kept running it (after callback)',
    ]);
  });

  test('requests and timers, with no grace period (credentials-exchange)', async () => {
    const { lines } = await run(
      anyPoint(
        [
          '  fetch("https://slow.example.com/a");',
          '  fetch("https://slow.example.com/b");',
          '  setTimeout(function () {}, 5000);',
          '  setInterval(function () {}, 1000);',
          '  cb();',
        ].join('\n'),
      ),
      'credentials-exchange',
      0,
      slow,
    );
    expect(lines).toEqual([
      '2 pending requests and 2 timers were still running when the answer was sent; Hookpad stopped them there, the platform’s process would have kept running them (after callback)',
    ]);
  });

  test('timers that ran, were cleared, or a mocked answer’s own delay are not counted', async () => {
    const { lines } = await run(
      anyPoint(
        [
          '  var t = setTimeout(function () {}, 5000);',
          '  clearTimeout(t);',
          '  setImmediate(function () {});',
          '  fetch("https://fast.example.com/");',
          '  cb();',
        ].join('\n'),
      ),
      'send-phone-message',
      100,
      [mock({ urlPattern: 'https://fast.example.com/*', delayMs: 10 })],
    );
    expect(lines).toEqual([]);
  });

  test('a synchronous throw was answered (500): its pending timer is cut and said', async () => {
    const { outcome, lines } = await run(
      anyPoint('  setTimeout(function () {}, 5000);\n  throw new Error("boom");'),
      'pre-user-registration',
      100,
    );
    expect(outcome).toMatchObject({ status: 'failed', kind: 'thrown' });
    expect(lines).toEqual([
      '1 timer was still running when the answer was sent; Hookpad stopped it there, the platform’s process would have kept running it (after callback)',
    ]);
  });

  test('an escaped exception crashed the platform’s process: nothing is said', async () => {
    const { outcome, lines } = await run(
      anyPoint(
        '  setTimeout(function () {}, 5000);\n  setTimeout(function () { throw new Error("late"); }, 1);',
      ),
      'pre-user-registration',
      100,
    );
    expect(outcome).toMatchObject({ status: 'failed', kind: 'async-throw' });
    expect(lines).toEqual([]);
  });

  test.each([
    [{ requests: 1, timers: 0 }, 0, '1 pending request was still running when the answer was sent'],
    [{ requests: 3, timers: 1 }, 0, '3 pending requests and 1 timer were still running'],
    [{ requests: 0, timers: 2 }, 1000, '2 timers were still running 1000 ms after the answer'],
  ])('pendingWorkNote(%j, %i) says "%s…"', (pending, graceMs, start) => {
    expect(pendingWorkNote(pending, graceMs)).toMatch(new RegExp(`^${start}`));
  });

  test('pendingWorkNote says nothing when nothing is pending', () => {
    expect(pendingWorkNote({ requests: 0, timers: 0 }, 1000)).toBeUndefined();
  });
});

describe('after a second cb or a throw after cb, the platform would have crashed', () => {
  test('the second cb threw there; the first output after it is marked, once', async () => {
    const { outcome, logs } = await run(
      anyPoint(
        [
          '  cb(null, { a: 1 });',
          '  cb(null, { b: 2 });',
          '  console.log("after the second");',
          '  cb();',
          '  setTimeout(function () { console.log("later"); }, 5);',
        ].join('\n'),
      ),
      'pre-user-registration',
      100,
    );
    expect(outcome).toMatchObject({ status: 'succeeded', response: { a: 1 } });
    expect(logs.map((entry) => [entry.source, entry.text, entry.location?.line])).toEqual([
      [
        'runtime',
        'cb was called again (call #2) — ignored; the platform would have crashed the request here: the call threw "Cannot write headers after they are sent to the client", so nothing after it ran there',
        4,
      ],
      [
        'runtime',
        'This ran after the second cb (line 4): on the platform that call had crashed the request, so it would not have run',
        4,
      ],
      ['hook', 'after the second', 5],
      [
        'runtime',
        'cb was called again (call #3) — ignored; the platform would have crashed the request',
        6,
      ],
      ['hook', 'later', 7],
    ]);
  });

  test('a throw after cb (oracle: the exception escaped after the answer)', async () => {
    const { outcome, logs } = await run(
      anyPoint('  cb();\n  throw new Error("sync after cb");'),
      'post-change-password',
      0,
    );
    expect(outcome.status).toBe('succeeded');
    expect(logs).toMatchObject([
      {
        level: 'error',
        source: 'runtime',
        text: 'Uncaught Error: sync after cb (after the run had settled) — ignored; the platform would have crashed the request',
        location: { line: 4 },
      },
    ]);
  });
});

describe('the credentials-exchange default payload', () => {
  test('a hook reads the token request from context.body', async () => {
    const { outcome } = await runHook(
      anyPoint('  cb(null, { body: context.body, keys: Object.keys(context) });').replace(
        'function ()',
        'function (client, scope, audience, context)',
      ),
      {},
      { point: 'credentials-exchange', graceMs: 0 },
    );
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: {
        body: {
          grant_type: 'client_credentials',
          client_id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          audience: 'https://my-tenant.auth0.com/api/v2/',
          scope: 'read:connections',
        },
        keys: ['body', 'webtask'],
      },
    });
  });
});
