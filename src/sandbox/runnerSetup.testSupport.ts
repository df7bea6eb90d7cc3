import type { LogEntry, RunRequest } from '../core/schemas';
import type { OutboundEntry } from '../core/networkSchemas';
import { createRunner } from './createRunner';
import type { CreateFrame } from './mountSandboxFrame';
import type { HostToFrame, HostToWorker } from './protocol';
import type { SandboxPolicy } from './sandboxDocument';

// The runner tests' fake sandbox frames, and the requests and entries they send.

export const request: RunRequest = {
  point: 'credentials-exchange',
  code: 'module.exports = (c, s, a, ctx, cb) => cb(null, {});',
  payload: {},
  secrets: {},
  graceMs: 200,
};
export const networkRequest: RunRequest = {
  ...request,
  network: { mocks: [], allowNetwork: true, moduleMocks: [], autoMocks: [] },
};
export const outbound = (seq: number): OutboundEntry => ({
  seq,
  kind: 'http',
  timeMs: seq,
  client: 'fetch',
  method: 'GET',
  url: 'https://api.example.com/',
  answeredBy: 'blocked',
  error: 'no mock matched',
});
export const entry = (seq: number): LogEntry => ({
  seq,
  level: 'log',
  source: 'hook',
  timeMs: seq,
  text: `line ${seq}`,
  args: [],
});

export interface FakeFrame {
  policy: SandboxPolicy;
  /** What the host posted to this sandbox: to the frame, and runs to its workers' ports. */
  posted: (HostToFrame | HostToWorker)[];
  /**
   * Speaks for the sandbox: a worker's report goes to the port of the worker that got the
   * last run, `ready` offers a standby worker, anything else comes from the frame.
   */
  send(message: unknown): void;
  destroyed: boolean;
  /** Says the frame cannot start, as a frame whose worker's scripts did not load does. */
  failStart(reason: string): void;
  /** Answers every ping posted so far. */
  answerPings(): void;
}

/** A worker's end as the host sees it: a real MessagePort that records instead of sending. */
function fakePort(onPost: (message: HostToWorker) => void): MessagePort {
  const { port1 } = new MessageChannel();
  // Own properties shadow the real ones: nothing is sent, and the port is never started.
  Object.assign(port1, { onmessage: null, postMessage: onPost, close: () => undefined });
  return port1;
}

/**
 * A fake sandbox: records what the host posts and lets the test speak for the frame and its
 * workers. Like the real frame, it offers a new standby worker (synchronously, here) once
 * the host has released, killed or asked for one while it has none.
 */
export function setup(options: { autoReady?: boolean } = {}) {
  const frames: FakeFrame[] = [];
  const createFrame: CreateFrame = (onMessage, policy, onStartFailure) => {
    let nextWorkerId = 1;
    let standby: MessagePort | null = null;
    let running: MessagePort | null = null;
    const offer = () => {
      const port = fakePort((message) => {
        frame.posted.push(message);
        if (standby === port) standby = null;
        running = port;
      });
      standby = port;
      onMessage({ type: 'standby', workerId: nextWorkerId++, port });
    };
    const frame: FakeFrame = {
      policy,
      posted: [],
      send(message) {
        const { type, runId } = (message ?? {}) as { type?: string; runId?: number };
        if (type === 'ready') offer();
        else if (type === 'pong' || (type === 'fault' && runId === undefined)) onMessage(message);
        else running?.onmessage?.(new MessageEvent('message', { data: message }));
      },
      destroyed: false,
      failStart: (reason) => onStartFailure?.(reason),
      answerPings() {
        for (const m of frame.posted)
          if (m.type === 'ping') onMessage({ type: 'pong', seq: m.seq });
      },
    };
    frames.push(frame);
    return {
      post(message) {
        frame.posted.push(message);
        if (message.type !== 'ping' && !standby) offer();
      },
      destroy: () => (frame.destroyed = true),
    };
  };
  const runner = createRunner({ createFrame, heartbeatMs: 500, crashAfterMs: 1500 });
  if (options.autoReady !== false) frames[0]?.send({ type: 'ready' });
  const last = () => frames.at(-1)!;
  const runsPosted = (frame = last()) =>
    frame.posted.filter((m): m is HostToWorker => m.type === 'run');
  const kills = (frame = last()) => frame.posted.filter((m) => m.type === 'kill');
  return { runner, frames, last, runsPosted, kills };
}

/** Resolves what has settled so far, without waiting for anything else. */
export async function peek<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, Promise.resolve('pending' as const)]);
}
