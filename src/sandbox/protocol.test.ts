import { afterEach, describe, expect, it } from 'vitest';
import {
  FrameInitSchema,
  FrameToHostSchema,
  FrameToWorkerSchema,
  HostToFrameSchema,
  WorkerToFrameSchema,
  isCurrent,
} from './protocol';

const request = {
  point: 'credentials-exchange',
  code: 'module.exports = (c, s, a, ctx, cb) => cb(null, {});',
  payload: { audience: 'x' },
  secrets: { KEY: 'v' },
  graceMs: 0,
};
const entry = { seq: 0, level: 'log', source: 'hook', timeMs: 1.5, text: 'hi', args: ['hi'] };

const channels: MessageChannel[] = [];
function port() {
  const channel = new MessageChannel();
  channels.push(channel);
  return channel.port2;
}
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('host → frame', () => {
  it('accepts run, kill and ping', () => {
    expect(HostToFrameSchema.parse({ type: 'run', runId: 3, request })).toEqual({
      type: 'run',
      runId: 3,
      request,
    });
    expect(HostToFrameSchema.safeParse({ type: 'kill', runId: 3 }).success).toBe(true);
    expect(HostToFrameSchema.safeParse({ type: 'ping', seq: 0 }).success).toBe(true);
  });

  it('rejects unknown types, missing run ids and invalid requests', () => {
    expect(HostToFrameSchema.safeParse({ type: 'eval', code: '1' }).success).toBe(false);
    expect(HostToFrameSchema.safeParse({ type: 'run', request }).success).toBe(false);
    expect(HostToFrameSchema.safeParse({ type: 'run', runId: -1, request }).success).toBe(false);
    expect(
      HostToFrameSchema.safeParse({ type: 'run', runId: 1, request: { ...request, point: 'nope' } })
        .success,
    ).toBe(false);
    expect(HostToFrameSchema.safeParse('ping').success).toBe(false);
    expect(HostToFrameSchema.safeParse(null).success).toBe(false);
  });

  it('init must carry a MessagePort', () => {
    expect(FrameInitSchema.safeParse({ type: 'init', port: port() }).success).toBe(true);
    expect(FrameInitSchema.safeParse({ type: 'init', port: {} }).success).toBe(false);
    expect(FrameInitSchema.safeParse({ type: 'init' }).success).toBe(false);
  });

  it('init is not accepted on the port', () => {
    expect(HostToFrameSchema.safeParse({ type: 'init', port: port() }).success).toBe(false);
  });
});

describe('frame → host', () => {
  it('accepts every message kind', () => {
    const messages = [
      { type: 'ready' },
      { type: 'pong', seq: 4 },
      { type: 'log', runId: 1, entries: [entry] },
      { type: 'storage', runId: 1, state: { data: { n: 1 }, etag: 'e' } },
      { type: 'storage', runId: 1, state: {} },
      { type: 'settled', runId: 1, outcome: { status: 'succeeded', durationMs: 2 } },
      { type: 'finished', runId: 1 },
      { type: 'fault', runId: 1, message: 'worker failed' },
      { type: 'fault', message: 'standby failed' },
    ];
    for (const message of messages) expect(FrameToHostSchema.parse(message)).toEqual(message);
  });

  it('rejects malformed log entries and host-only outcomes', () => {
    const badEntry = { ...entry, level: 'shout' };
    expect(
      FrameToHostSchema.safeParse({ type: 'log', runId: 1, entries: [badEntry] }).success,
    ).toBe(false);
    // timed-out, cancelled and crashed are decided by the host, never reported by the sandbox.
    const forged = { type: 'settled', runId: 1, outcome: { status: 'timed-out', durationMs: 1 } };
    expect(FrameToHostSchema.safeParse(forged).success).toBe(false);
    expect(FrameToHostSchema.safeParse({ type: 'settled', runId: 1 }).success).toBe(false);
  });
});

describe('frame ⇄ worker', () => {
  it('a run carries its private reply port', () => {
    expect(
      FrameToWorkerSchema.safeParse({ type: 'run', runId: 1, request, port: port() }).success,
    ).toBe(true);
    expect(FrameToWorkerSchema.safeParse({ type: 'run', runId: 1, request }).success).toBe(false);
  });

  it('the worker may not send ready or pong', () => {
    expect(WorkerToFrameSchema.safeParse({ type: 'finished', runId: 2 }).success).toBe(true);
    expect(
      WorkerToFrameSchema.safeParse({ type: 'storage', runId: 2, state: { data: [1] } }).success,
    ).toBe(true);
    expect(
      WorkerToFrameSchema.safeParse({ type: 'storage', runId: 2, state: { etag: 1 } }).success,
    ).toBe(false);
    expect(WorkerToFrameSchema.safeParse({ type: 'ready' }).success).toBe(false);
    expect(WorkerToFrameSchema.safeParse({ type: 'pong', seq: 1 }).success).toBe(false);
  });
});

describe('isCurrent', () => {
  it('drops messages of other runs and passes run-less ones', () => {
    expect(isCurrent({ runId: 2 }, 2)).toBe(true);
    expect(isCurrent({ runId: 1 }, 2)).toBe(false);
    expect(isCurrent({ runId: 1 }, null)).toBe(false);
    expect(isCurrent({}, null)).toBe(true);
  });
});
