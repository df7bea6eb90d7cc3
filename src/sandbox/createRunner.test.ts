import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry, RunOutcome, RunRequest } from '../core/schemas';
import {
  CRASH_MESSAGE,
  FINISH_SLACK_MS,
  START_FAILURE_MESSAGE,
  createRunner,
} from './createRunner';
import type { CreateFrame } from './mountSandboxFrame';
import type { HostToFrame } from './protocol';
import type { SandboxPolicy } from './sandboxDocument';
import type { OutboundEntry } from '../core/networkSchemas';

const request: RunRequest = {
  point: 'credentials-exchange',
  code: 'module.exports = (c, s, a, ctx, cb) => cb(null, {});',
  payload: {},
  secrets: {},
  graceMs: 200,
};
const networkRequest: RunRequest = {
  ...request,
  network: { mocks: [], allowNetwork: true, moduleMocks: [], autoMocks: [] },
};
const outbound = (seq: number): OutboundEntry => ({
  seq,
  kind: 'http',
  timeMs: seq,
  client: 'fetch',
  method: 'GET',
  url: 'https://api.example.com/',
  answeredBy: 'blocked',
  error: 'no mock matched',
});
const entry = (seq: number): LogEntry => ({
  seq,
  level: 'log',
  source: 'hook',
  timeMs: seq,
  text: `line ${seq}`,
  args: [],
});

interface FakeFrame {
  policy: SandboxPolicy;
  posted: HostToFrame[];
  send(message: unknown): void;
  destroyed: boolean;
  /** Answers every ping posted so far. */
  answerPings(): void;
}

/** A fake sandbox: records what the host posts and lets the test speak for the frame. */
function setup(options: { autoReady?: boolean } = {}) {
  const frames: FakeFrame[] = [];
  const createFrame: CreateFrame = (onMessage, policy) => {
    const frame: FakeFrame = {
      policy,
      posted: [],
      send: onMessage,
      destroyed: false,
      answerPings() {
        for (const m of frame.posted)
          if (m.type === 'ping') onMessage({ type: 'pong', seq: m.seq });
      },
    };
    frames.push(frame);
    return {
      post: (message) => frame.posted.push(message),
      destroy: () => (frame.destroyed = true),
    };
  };
  const runner = createRunner({ createFrame, heartbeatMs: 500, crashAfterMs: 1500 });
  if (options.autoReady !== false) frames[0]?.send({ type: 'ready' });
  const last = () => frames.at(-1)!;
  const runsPosted = (frame = last()) => frame.posted.filter((m) => m.type === 'run');
  const kills = (frame = last()) => frame.posted.filter((m) => m.type === 'kill');
  return { runner, frames, last, runsPosted, kills };
}

/** Resolves what has settled so far, without waiting for anything else. */
async function peek<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, Promise.resolve('pending' as const)]);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('createRunner', () => {
  it('runs: logs stream, outcome on settled, done on finished, in that order', async () => {
    const { runner, last, runsPosted } = setup();
    const logs: LogEntry[][] = [];
    const handle = runner.run(request, { timeoutMs: 1000, onLog: (e) => logs.push(e) });
    const [posted] = runsPosted();
    expect(posted).toMatchObject({ type: 'run', request });
    const runId = posted!.type === 'run' ? posted!.runId : -1;
    // A ping goes out before the run, so a dead sandbox is noticed from the start.
    expect(last().posted[0]?.type).toBe('ping');

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
    expect(kills()).toEqual([
      { type: 'kill', runId: (runsPosted()[0] as { runId: number }).runId },
    ]);

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
    expect(kills()).toEqual([{ type: 'kill', runId: a }]);
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

describe('createRunner: outbound requests', () => {
  it('relays request batches with their dropped count, after the callback too, and drops stale ones', async () => {
    const { runner, last, runsPosted } = setup();
    const got: [number[], number][] = [];
    const handle = runner.run(request, {
      timeoutMs: 1000,
      onLog: () => {},
      onRequest: (entries, dropped) => got.push([entries.map((e) => e.seq), dropped]),
    });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'request', runId, entries: [outbound(0), outbound(1)] });
    last().send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    last().send({
      type: 'request',
      runId,
      entries: [{ ...outbound(2), afterCallback: true }],
      dropped: 4,
    });
    last().send({ type: 'request', runId: runId + 1, entries: [outbound(9)] });
    last().send({ type: 'finished', runId });
    await handle.done;
    last().send({ type: 'request', runId, entries: [outbound(10)] });
    expect(got).toEqual([
      [[0, 1], 0],
      [[2], 4],
    ]);
  });

  it('drops a request batch whose entries fail their schema', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runner, last, runsPosted } = setup();
    const got: OutboundEntry[][] = [];
    runner.run(request, { timeoutMs: 1000, onLog: () => {}, onRequest: (e) => got.push(e) });
    const runId = (runsPosted()[0] as { runId: number }).runId;
    last().send({ type: 'request', runId, entries: [{ ...outbound(0), answeredBy: 'magic' }] });
    last().send({ type: 'request', runId, entries: [{ ...outbound(0), args: [1n] }] });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(got).toEqual([]);
  });
});

describe('createRunner: network policy', () => {
  it('opens only the no-network frame up front', () => {
    const { frames } = setup();
    expect(frames.map((f) => f.policy)).toEqual(['offline']);
  });

  it('runs a network-allowed request in its own frame, opened on first need and kept', async () => {
    const { runner, frames, runsPosted } = setup();
    const first = runner.run(networkRequest, { timeoutMs: 1000, onLog: () => {} });
    expect(frames.map((f) => f.policy)).toEqual(['offline', 'network']);
    const [offline, network] = frames as [FakeFrame, FakeFrame];
    expect(runsPosted(network)).toHaveLength(0); // queued until that frame is ready
    network.send({ type: 'ready' });
    expect(runsPosted(network)).toHaveLength(1);
    expect(runsPosted(offline)).toHaveLength(0);
    const runId = (runsPosted(network)[0] as { runId: number }).runId;
    // A message about this run from the other frame is not the run's.
    offline.send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 9 } });
    expect(await peek(first.outcome)).toBe('pending');
    network.send({ type: 'settled', runId, outcome: { status: 'succeeded', durationMs: 1 } });
    expect(await first.outcome).toEqual({ status: 'succeeded', durationMs: 1 });

    // The next runs go to their policy's frame; no third frame is opened.
    runner.run(request, { timeoutMs: 1000, onLog: () => {} });
    expect(kills(network)).toHaveLength(1); // the previous run's grace period ends
    expect(runsPosted(offline)).toHaveLength(1);
    runner.run(networkRequest, { timeoutMs: 1000, onLog: () => {} });
    expect(runsPosted(network)).toHaveLength(2);
    expect(kills(offline)).toHaveLength(1);
    expect(frames).toHaveLength(2);
    function kills(frame: FakeFrame) {
      return frame.posted.filter((m) => m.type === 'kill');
    }
  });

  it('a queued run waits for its own frame, not for the other one', async () => {
    const { runner, frames, runsPosted } = setup({ autoReady: false });
    runner.run(networkRequest, { timeoutMs: 1000, onLog: () => {} });
    frames[0]?.send({ type: 'ready' });
    expect(runsPosted(frames[0]!)).toHaveLength(0);
    frames[1]?.send({ type: 'ready' });
    expect(runsPosted(frames[1]!)).toHaveLength(1);
  });

  it('fails a run whose network frame never starts; the no-network frame stays', async () => {
    const { runner, frames } = setup();
    const handle = runner.run(networkRequest, { timeoutMs: 1000, onLog: () => {} });
    vi.advanceTimersByTime(10_000);
    expect(await handle.outcome).toMatchObject({
      status: 'crashed',
      message: START_FAILURE_MESSAGE,
    });
    expect(frames.map((f) => [f.policy, f.destroyed])).toEqual([
      ['offline', false],
      ['network', true],
    ]);
  });

  it('watches the frame of the run in flight; a dead network frame is reopened only when needed', async () => {
    const { runner, frames, runsPosted } = setup();
    const handle = runner.run(networkRequest, { timeoutMs: 60_000, onLog: () => {} });
    const network = frames[1]!;
    network.send({ type: 'ready' });
    // Pings go to the network frame, and the offline frame's pongs do not count.
    expect(network.posted.some((m) => m.type === 'ping')).toBe(true);
    expect(frames[0]?.posted.some((m) => m.type === 'ping')).toBe(false);
    for (const m of network.posted) {
      if (m.type === 'ping') frames[0]?.send({ type: 'pong', seq: m.seq });
    }
    vi.advanceTimersByTime(2_000);
    expect(await handle.outcome).toMatchObject({ status: 'crashed', message: CRASH_MESSAGE });
    expect(network.destroyed).toBe(true);
    expect(frames).toHaveLength(2);
    expect(frames[0]?.destroyed).toBe(false);

    runner.run(networkRequest, { timeoutMs: 1000, onLog: () => {} });
    expect(frames.map((f) => f.policy)).toEqual(['offline', 'network', 'network']);
    frames[2]?.send({ type: 'ready' });
    expect(runsPosted(frames[2]!)).toHaveLength(1);
  });

  it('dispose removes both frames', () => {
    const { runner, frames } = setup();
    runner.run(networkRequest, { timeoutMs: 1000, onLog: () => {} });
    runner.dispose();
    expect(frames.map((f) => f.destroyed)).toEqual([true, true]);
  });
});
