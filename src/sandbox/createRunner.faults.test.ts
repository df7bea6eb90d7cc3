import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOutcome } from '../core/schemas';
import { CRASH_MESSAGE } from './createRunner';
import { request, entry, setup, peek } from './runnerSetup.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('createRunner', () => {
  it('drops and reports messages that fail their schema', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, last, runsPosted } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'settled', runId, outcome: { status: 'timed-out', durationMs: 1 } });
    last().send('settled');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(await peek(handle.outcome)).toBe('pending');
  });

  it('detects a dead renderer by missing pongs, rebuilds the frame, and the next run works', async () => {
    const { runner, frames, last, runsPosted } = setup();
    const handle = runner.run(request, { timeoutMs: 60_000, onLog: () => {} });
    last().answerPings();
    vi.advanceTimersByTime(500);
    last().answerPings(); // known alive at t=500, silent afterwards
    vi.advanceTimersByTime(1499);
    expect(await peek(handle.outcome)).toBe('pending');
    vi.advanceTimersByTime(1);
    const outcome: RunOutcome = await handle.outcome;
    expect(outcome).toEqual({ status: 'crashed', durationMs: 2000, message: CRASH_MESSAGE });
    await handle.done;
    expect(frames[0]?.destroyed).toBe(true);
    expect(frames).toHaveLength(2);

    const next = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    expect(runsPosted(frames[1]!)).toHaveLength(0);
    last().send({ type: 'ready' });
    const runId = (runsPosted(frames[1]!)[0] as { runId: number }).runId;
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    expect(await next.outcome).toMatchObject({ status: 'succeeded' });
  });

  it('keeps a run alive as long as pongs arrive', async () => {
    const { runner, last } = setup();
    const handle = runner.run(request, { timeoutMs: 60_000, onLog: () => {} });
    for (let i = 0; i < 40; i++) {
      last().answerPings();
      vi.advanceTimersByTime(500);
    }
    expect(await peek(handle.outcome)).toBe('pending');
  });

  it('a fault of the current run ends it as crashed; a run-less fault is only reported', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, last, runsPosted } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'fault', message: 'standby failed' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(await peek(handle.outcome)).toBe('pending');
    last().send({ type: 'fault', runId, message: 'Sandbox worker failed: x' });
    expect(await handle.outcome).toMatchObject({
      status: 'crashed',
      message: 'Sandbox worker failed: x',
    });
    await handle.done;
  });

  it('a throwing onLog does not break the run', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { runner, last, runsPosted } = setup();
    const handle = runner.run(request, {
      timeoutMs: 1000,
      onLog: () => {
        throw new Error('ui bug');
      },
    });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'log', runId, entries: [entry(0)] });
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    expect(await handle.outcome).toMatchObject({ status: 'succeeded' });
  });

  it('fails loudly on an invalid request or timeout', () => {
    const { runner } = setup();
    expect(() =>
      runner.run({ ...request, graceMs: -1 }, { timeoutMs: 1000, onLog() {} }),
    ).toThrow();
    expect(() => runner.run(request, { timeoutMs: 0, onLog() {} })).toThrow();
  });
});
