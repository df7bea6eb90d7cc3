export interface HeartbeatOptions {
  intervalMs: number;
  /** How long the peer may stay silent, with a ping outstanding, before it is presumed dead. */
  deadAfterMs: number;
  ping(seq: number): void;
  onDead(): void;
  now(): number;
}

export interface Heartbeat {
  /** Pings right away, then every intervalMs. Restarting resets the watch. */
  start(): void;
  stop(): void;
  pong(seq: number): void;
}

/**
 * Watches a peer that can die without a word: when a renderer runs out of memory the
 * browser kills it and no event reaches the host. The peer is presumed dead once a ping is
 * outstanding and it has not been known alive for deadAfterMs.
 */
export function createHeartbeat({
  intervalMs,
  deadAfterMs,
  ping,
  onDead,
  now,
}: HeartbeatOptions): Heartbeat {
  let interval: ReturnType<typeof setInterval> | null = null;
  let seq = 0;
  let outstanding: { seq: number; sentAt: number } | null = null;
  /** The peer was certainly alive at this time: when the last answered ping was sent. */
  let lastHeardAt = 0;
  let lastTickAt = 0;
  // Interval timers fire a little early or late relative to each other; without this slack a
  // tick landing at 1499.9 ms would postpone the verdict by a whole interval.
  const jitterMs = intervalMs / 4;

  function send() {
    seq += 1;
    outstanding = { seq, sentAt: now() };
    ping(seq);
  }

  function tick() {
    const t = now();
    // If this timer itself ran very late (a long task on the app's main thread, or a
    // throttled background tab), a pong may be queued right behind it: judge later.
    const late = t - lastTickAt > intervalMs + deadAfterMs / 2;
    lastTickAt = t;
    if (late) lastHeardAt = t;
    if (outstanding === null) {
      send();
    } else if (t - lastHeardAt >= deadAfterMs - jitterMs) {
      stop();
      onDead();
    }
  }

  function start() {
    stop();
    lastTickAt = lastHeardAt = now();
    send();
    interval = setInterval(tick, intervalMs);
  }

  function stop() {
    if (interval !== null) clearInterval(interval);
    interval = null;
    outstanding = null;
  }

  function pong(answered: number) {
    if (outstanding === null || answered < outstanding.seq) return;
    lastHeardAt = outstanding.sentAt;
    outstanding = null;
  }

  return { start, stop, pong };
}
