import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CRASH_MESSAGE, START_FAILURE_MESSAGE } from './createRunner';
import { request, networkRequest, setup, peek, type FakeFrame } from './runnerSetup.testSupport';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
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
