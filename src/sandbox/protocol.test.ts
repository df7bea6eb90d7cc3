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
const httpEntry = {
  seq: 0,
  kind: 'http',
  timeMs: 2,
  afterCallback: true,
  location: { line: 3, column: 5 },
  client: 'slack-notify',
  method: 'POST',
  url: 'https://hooks.slack.com/services/T/B/X',
  requestHeaders: { 'content-type': 'application/json' },
  requestBody: '{"text":"hi"}',
  answeredBy: 'mock',
  mockId: 'm1',
  status: 200,
  responseHeaders: {},
  responseBody: 'ok',
  durationMs: 1,
};
const sdkEntry = {
  seq: 1,
  kind: 'sdk',
  timeMs: 3,
  client: 'twilio',
  answeredBy: 'sdk',
  call: 'twilio(…).messages.create({to, body})',
  args: [{ to: '+1', body: 'x', nested: [1, null, { ok: true }] }],
};

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
      { type: 'request', runId: 1, entries: [httpEntry, sdkEntry] },
      { type: 'request', runId: 1, entries: [], dropped: 3 },
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

describe('request entries', () => {
  it('rejects malformed entries and non-JSON arguments', () => {
    const bad = [
      { ...httpEntry, answeredBy: 'magic' },
      { ...httpEntry, requestHeaders: { a: 1 } },
      { ...httpEntry, status: 1.5 },
      { ...sdkEntry, args: [() => 1] },
      { ...sdkEntry, args: [1n] },
      { ...sdkEntry, args: [new Date(0)] },
    ];
    for (const item of bad) {
      expect(
        FrameToHostSchema.safeParse({ type: 'request', runId: 1, entries: [item] }).success,
      ).toBe(false);
    }
    expect(
      FrameToHostSchema.safeParse({ type: 'request', runId: 1, entries: [], dropped: -1 }).success,
    ).toBe(false);
    expect(FrameToHostSchema.safeParse({ type: 'request', entries: [] }).success).toBe(false);
  });

  it('the worker may send them', () => {
    expect(
      WorkerToFrameSchema.safeParse({ type: 'request', runId: 2, entries: [sdkEntry] }).success,
    ).toBe(true);
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
