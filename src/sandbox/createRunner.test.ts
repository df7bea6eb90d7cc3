import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../core/schemas';
import { FINISH_SLACK_MS, START_FAILURE_MESSAGE } from './createRunner';
import { request, entry, setup, peek } from './runnerSetup.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('createRunner', () => {
  it('is ready once its sandbox offers a warm worker, not before', async () => {
    const { runner, frames } = setup({ autoReady: false });
    expect(await peek(runner.whenReady!())).toBe('pending');
    frames[0]!.send({ type: 'ready' });
    expect(await peek(runner.whenReady!())).toBeUndefined();
  });

  it('runs: logs stream, outcome on settled, done on finished, in that order', async () => {
    const { runner, last, runsPosted } = setup();
    const logs: LogEntry[][] = [];
    const handle = runner.run(request, { timeoutMs: 1000, onLog: (e) => logs.push(e) });
    const [posted] = runsPosted();
    expect(posted).toMatchObject({ type: 'run', request });
    const runId = posted!.type === 'run' ? posted!.runId : -1;
    // The run goes out first, and a ping right after it in the same task, so a dead sandbox
    // is noticed from the start.
    expect(last().posted.map((m) => m.type)).toEqual(['run', 'ping']);

    const order: string[] = [];
    void handle.outcome.then(() => order.push('outcome'));
    void handle.done.then(() => order.push('done'));

    last().send({ type: 'log', runId, entries: [entry(0)] });
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 3 } });
    last().send({ type: 'log', runId, entries: [{ ...entry(1), afterCallback: true }] });
    expect(await handle.outcome).toEqual({ status: 'succeeded', durationMs: 3 });
    expect(await peek(handle.done)).toBe('pending');
    last().send({ type: 'finished', runId });
    await handle.done;
    expect(order).toEqual(['outcome', 'done']);
    expect(logs.flat().map((e) => e.seq)).toEqual([0, 1]);

    // Nothing is delivered after done.
    last().send({ type: 'log', runId, entries: [entry(2)] });
    expect(logs).toHaveLength(2);
  });

  it('queues a run until the frame is ready', async () => {
    const { runner, last, runsPosted } = setup({ autoReady: false });
    const handle = runner.run(request, { timeoutMs: 100, onLog: () => {} });
    expect(runsPosted()).toHaveLength(0);
    vi.advanceTimersByTime(5000); // the timeout does not run while queued
    expect(await peek(handle.outcome)).toBe('pending');
    last().send({ type: 'ready' });
    expect(runsPosted()).toHaveLength(1);
  });

  it('calls onStart when the sandbox takes the run, not while it waits for the frame', () => {
    const { runner, last } = setup({ autoReady: false });
    const onStart = vi.fn();
    runner.run(request, { timeoutMs: 100, onLog: () => {}, onStart });
    expect(onStart).not.toHaveBeenCalled();
    last().send({ type: 'ready' });
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('fails a queued run when the frame never starts, and opens a new frame for the next run', async () => {
    const { runner, frames, last, runsPosted } = setup({ autoReady: false });
    const handle = runner.run(request, { timeoutMs: 100, onLog: () => {} });
    vi.advanceTimersByTime(10_000);
    expect(await handle.outcome).toEqual({
      status: 'crashed',
      durationMs: 0,
      message: START_FAILURE_MESSAGE,
    });
    expect(frames[0]?.destroyed).toBe(true);
    runner.run(request, { timeoutMs: 100, onLog: () => {} });
    expect(frames).toHaveLength(2);
    last().send({ type: 'ready' });
    expect(runsPosted()).toHaveLength(1);
  });

  it("ends a waiting run with the reason when the frame's scripts do not load; the next run opens a new frame", async () => {
    const { runner, frames, last, runsPosted } = setup({ autoReady: false });
    const handle = runner.run(request, { timeoutMs: 100, onLog: () => {} });
    frames[0]!.failStart('/assets/sandbox-worker.js answered 503');
    expect(await handle.outcome).toEqual({
      status: 'crashed',
      durationMs: 0,
      message: 'Sandbox could not start: /assets/sandbox-worker.js answered 503',
    });
    expect(frames[0]?.destroyed).toBe(true);
    // Late news from the closed frame changes nothing.
    frames[0]!.failStart('again');
    const next = runner.run(request, { timeoutMs: 100, onLog: () => {} });
    expect(frames).toHaveLength(2);
    last().send({ type: 'ready' });
    expect(runsPosted()).toHaveLength(1);
    expect(await peek(next.outcome)).toBe('pending');
  });

  it('closes a frame whose scripts do not load before any run; the first run opens a new one', () => {
    const { runner, frames, last, runsPosted } = setup({ autoReady: false });
    frames[0]!.failStart('offline');
    expect(frames[0]?.destroyed).toBe(true);
    runner.run(request, { timeoutMs: 100, onLog: () => {} });
    expect(frames).toHaveLength(2);
    last().send({ type: 'ready' });
    expect(runsPosted()).toHaveLength(1);
  });

  it('times out: kills the worker and reports the hint', async () => {
    const { runner, last, kills } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    vi.advanceTimersByTime(400);
    last().answerPings();
    vi.advanceTimersByTime(599);
    expect(await peek(handle.outcome)).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(await handle.outcome).toEqual({
      status: 'timed-out',
      durationMs: 1000,
      hint: 'the callback was never called',
    });
    await handle.done;
    expect(kills()).toHaveLength(1);
  });

  it('times out an Action with the Action’s hint: it has no callback', async () => {
    const { runner, last } = setup();
    const handle = runner.run({ ...request, kind: 'action' }, { timeoutMs: 1000, onLog: () => {} });
    last().answerPings();
    vi.advanceTimersByTime(1000);
    expect(await handle.outcome).toEqual({
      status: 'timed-out',
      durationMs: 1000,
      hint: "the Action's handler never completed",
    });
  });

  it('ignores the timeout once settled, but ends a grace period that never finishes', async () => {
    const { runner, last, runsPosted, kills } = setup();
    const handle = runner.run(request, { timeoutMs: 100, onLog: () => {} });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    last().answerPings();
    vi.advanceTimersByTime(request.graceMs + FINISH_SLACK_MS - 1);
    last().answerPings();
    expect(await handle.outcome).toMatchObject({ status: 'succeeded' });
    expect(await peek(handle.done)).toBe('pending');
    vi.advanceTimersByTime(1);
    await handle.done;
    expect(kills()).toHaveLength(1);
  });

  it('cancel kills the run; after settled it only ends the grace period', async () => {
    const { runner, last, runsPosted, kills } = setup();
    const first = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    vi.advanceTimersByTime(120);
    first.cancel();
    expect(await first.outcome).toEqual({ status: 'cancelled', durationMs: 120 });
    await first.done;
    // The frame is told which worker to terminate: the first one it offered.
    expect(kills()).toEqual([{ type: 'kill', workerId: 1 }]);

    const second = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    const runId = (runsPosted()[1] as { runId: number }).runId;
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    second.cancel();
    expect(await second.outcome).toMatchObject({ status: 'succeeded' });
    await second.done;
  });

  it('a new run cancels the previous one and drops its stale messages', async () => {
    const { runner, last, runsPosted, kills } = setup();
    const logs: LogEntry[][] = [];
    const first = runner.run(request, { timeoutMs: 1000, onLog: (e) => logs.push(e) });
    const second = runner.run(request, { timeoutMs: 1000, onLog: (e) => logs.push(e) });
    expect(await first.outcome).toMatchObject({ status: 'cancelled' });
    const [a, b] = runsPosted().map((m) => (m as { runId: number }).runId);
    expect(a).not.toBe(b);
    expect(kills()).toEqual([{ type: 'kill', workerId: 1 }]);
    // The kill went out before the new run.
    expect(
      last()
        .posted.map((m) => m.type)
        .filter((t) => t !== 'ping'),
    ).toEqual(['run', 'kill', 'run']);

    last().send({ type: 'log', runId: a, entries: [entry(0)] });
    last().send({ type: 'settled', runId: a, outcome: { status: 'succeeded', durationMs: 1 } });
    last().send({ type: 'finished', runId: a });
    expect(logs).toEqual([]);
    expect(await peek(second.outcome)).toBe('pending');
  });

  it('dispose cancels the run, removes the frame and refuses new runs', async () => {
    const { runner, frames } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    runner.dispose();
    expect(await handle.outcome).toMatchObject({ status: 'cancelled' });
    await handle.done;
    expect(frames[0]?.destroyed).toBe(true);
    expect(() => runner.run(request, { timeoutMs: 1000, onLog() {} })).toThrow(/disposed/);
    vi.advanceTimersByTime(60_000);
    expect(frames).toHaveLength(1);
  });
  it('relays storage changes, including during the grace period, and drops invalid ones', async () => {
    const { runner, last, runsPosted } = setup();
    const states: unknown[] = [];
    const handle = runner.run(request, {
      timeoutMs: 1000,
      onLog: () => {},
      onStorage: (state) => states.push(state),
    });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    last().send({ type: 'storage', runId, state: { data: { n: 1 }, etag: 'e1' } });
    last().send({ type: 'storage', runId, state: { data: 1n } });
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    last().send({ type: 'storage', runId, state: {} });
    last().send({ type: 'storage', runId: runId + 1, state: { data: 'stale' } });
    last().send({ type: 'finished', runId });
    await handle.done;
    last().send({ type: 'storage', runId, state: { data: 'late' } });
    expect(states).toEqual([{ data: { n: 1 }, etag: 'e1' }, {}]);
  });

  it('times out with the engine’s hint when the returned promise settled without cb', async () => {
    const { runner, last, runsPosted } = setup();
    const handle = runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    const warning: LogEntry = {
      ...entry(0),
      level: 'warn',
      source: 'runtime',
      text: 'the returned promise settled but cb was never called',
    };
    last().send({ type: 'log', runId, entries: [warning] });
    vi.advanceTimersByTime(400);
    last().answerPings();
    vi.advanceTimersByTime(600);
    expect(await handle.outcome).toEqual({
      status: 'timed-out',
      durationMs: 1000,
      hint: 'the returned promise settled but cb was never called',
    });
  });
});
