import type { LogEntry, RunRequest } from '../core/schemas';
import type { OutboundEntry } from '../core/networkSchemas';
import { createRunner } from './createRunner';
import type { CreateFrame } from './mountSandboxFrame';
import type { HostToFrame } from './protocol';
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
  posted: HostToFrame[];
  send(message: unknown): void;
  destroyed: boolean;
  /** Answers every ping posted so far. */
  answerPings(): void;
}

/** A fake sandbox: records what the host posts and lets the test speak for the frame. */
export function setup(options: { autoReady?: boolean } = {}) {
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
export async function peek<T>(promise: Promise<T>): Promise<T | 'pending'> {
  return Promise.race([promise, Promise.resolve('pending' as const)]);
}
