import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeartbeat } from './createHeartbeat';

function setup() {
  const pings: number[] = [];
  const onDead = vi.fn();
  const clock = { skew: 0 };
  const heartbeat = createHeartbeat({
    intervalMs: 500,
    deadAfterMs: 1500,
    ping: (seq) => pings.push(seq),
    onDead,
    now: () => performance.now() + clock.skew,
  });
  return { pings, onDead, heartbeat, clock };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createHeartbeat', () => {
  it('pings at once on start, then every interval while answered', () => {
    const { pings, onDead, heartbeat } = setup();
    heartbeat.start();
    expect(pings).toEqual([1]);
    for (let i = 0; i < 10; i++) {
      heartbeat.pong(pings.at(-1) ?? 0);
      vi.advanceTimersByTime(500);
    }
    expect(pings).toHaveLength(11);
    expect(onDead).not.toHaveBeenCalled();
  });

  it('declares the peer dead 1.5 s after it was last known alive', () => {
    const { pings, onDead, heartbeat } = setup();
    heartbeat.start();
    heartbeat.pong(1); // alive at t=0
    vi.advanceTimersByTime(1499);
    expect(onDead).not.toHaveBeenCalled();
    expect(pings).toEqual([1, 2]); // the ping sent at 500 stays unanswered
    vi.advanceTimersByTime(1);
    expect(onDead).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('ignores stale pongs', () => {
    const { onDead, heartbeat } = setup();
    heartbeat.start();
    vi.advanceTimersByTime(600);
    heartbeat.pong(0);
    vi.advanceTimersByTime(1000);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('does not judge on a tick that itself ran late (stalled main thread)', () => {
    const { onDead, heartbeat, clock } = setup();
    heartbeat.start();
    // A 3 s long task: the clock jumps while no timer runs; the pong may be queued behind it.
    clock.skew = 3000;
    vi.advanceTimersByTime(500);
    expect(onDead).not.toHaveBeenCalled();
    // Judged again from the late tick on.
    vi.advanceTimersByTime(1000);
    expect(onDead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onDead).toHaveBeenCalledTimes(1);
  });

  it('stop ends the watch', () => {
    const { pings, onDead, heartbeat } = setup();
    heartbeat.start();
    heartbeat.stop();
    vi.advanceTimersByTime(10_000);
    expect(pings).toEqual([1]);
    expect(onDead).not.toHaveBeenCalled();
  });
});
