import { describe, expect, it } from 'vitest';
import type { RunOutcome, RunRequest } from '../core/schemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { newHook } from '../workspace/newHook';
import type { HookSuite } from './loadSuites';
import { runSuites } from './runSuites';

const hook = newHook({ name: 'signup', pointId: 'pre-user-registration' });
const test = (name: string, response: unknown, timeoutMs?: number): TestCase => ({
  id: name,
  name,
  payloadText: JSON.stringify({ response }),
  ...(timeoutMs === undefined ? {} : { overrides: { timeoutMs } }),
  expectations: { response: { equals: { ok: true } } },
});
const suites: HookSuite[] = [
  { hook, tests: [test('slow', { ok: true }), test('wrong', { ok: false })] },
  { hook: { ...hook, name: 'other' }, tests: [test('loops', null, 300)] },
];

/** A stand-in for the worker: answers with the payload's `response`, or times out on null. */
function fakeRun(log: string[]) {
  let running = 0;
  return async (request: RunRequest, { timeoutMs }: { timeoutMs: number }) => {
    running += 1;
    log.push(`start ${running}`);
    const { response } = request.payload as { response: unknown };
    await new Promise((resolve) => setTimeout(resolve, response === null ? 30 : 10));
    running -= 1;
    const outcome: RunOutcome =
      response === null
        ? { status: 'timed-out', durationMs: timeoutMs }
        : { status: 'succeeded', response: response as never, durationMs: 5 };
    return { outcome, logs: [], requests: [], storage: undefined };
  };
}

describe('runSuites', () => {
  it('runs every test, a few at once, and reports them in the suites’ order with verdicts', async () => {
    const log: string[] = [];
    const reports = await runSuites(suites, { concurrency: 2, run: fakeRun(log) });
    expect(reports.map((r) => [r.hook, r.test, r.verdict, r.durationMs])).toEqual([
      ['signup', 'slow', 'passed', 5],
      ['signup', 'wrong', 'failed', 5],
      ['other', 'loops', 'timed-out', 300],
    ]);
    expect(log).toContain('start 2');
    expect(log).not.toContain('start 3');
  });

  it('gives the default timeout to tests without their own, and reports a test that cannot start', async () => {
    const timeouts: number[] = [];
    const bad = { ...test('bad', {}), overrides: { secrets: { '': 'x' } } };
    const reports = await runSuites([{ hook, tests: [test('plain', { ok: true }), bad] }], {
      timeoutMs: 1234,
      concurrency: 1,
      run: async (request, limits) => {
        timeouts.push(limits.timeoutMs);
        return fakeRun([])(request, limits);
      },
    });
    expect(timeouts).toEqual([1234]);
    expect(reports[1]).toMatchObject({
      verdict: 'error',
      results: [],
      message: expect.stringMatching(/^Secrets: row 1: /),
    });
  });

  it('judges as the app does: a crashed run fails even a test that expects nothing', async () => {
    const bare: TestCase = { id: 'bare', name: 'bare', payloadText: '{}', expectations: {} };
    const reports = await runSuites([{ hook, tests: [bare] }], {
      concurrency: 1,
      run: async () => ({
        outcome: { status: 'crashed', durationMs: 3, message: 'out of memory' },
        logs: [],
        requests: [],
        storage: undefined,
      }),
    });
    expect(reports[0]).toMatchObject({
      verdict: 'failed',
      results: [{ expectation: 'outcome', passed: false }],
    });
  });

  it('starts the next test once an outcome is known, up to maxWorkers still in their grace period', async () => {
    const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let alive = 0;
    let mostAlive = 0;
    const order: string[] = [];
    const five = ['a', 'b', 'c', 'd', 'e'].map((name) => test(name, { ok: true }));
    const reports = await runSuites([{ hook, tests: five }], {
      concurrency: 1,
      maxWorkers: 3,
      run: async (request, limits, onSettled) => {
        alive += 1;
        mostAlive = Math.max(mostAlive, alive);
        await delay(5);
        onSettled();
        order.push(`settled with ${alive} alive`);
        await delay(100); // the grace period
        alive -= 1;
        return fakeRun([])(request, limits);
      },
    });
    // One lane, yet three workers at once: each test's grace period overlapped the next runs.
    expect(mostAlive).toBe(3);
    expect(order.slice(0, 3)).toEqual([
      'settled with 1 alive',
      'settled with 2 alive',
      'settled with 3 alive',
    ]);
    expect(reports.map((r) => [r.test, r.verdict])).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((name) => [name, 'passed']),
    );
  });

  it('keeps a lane until a run that never says it settled has ended (a crash)', async () => {
    const log: string[] = [];
    await runSuites(suites, { concurrency: 1, maxWorkers: 8, run: fakeRun(log) });
    // fakeRun never calls onSettled: one run at a time, as before.
    expect(log).toEqual(['start 1', 'start 1', 'start 1']);
  });
});
