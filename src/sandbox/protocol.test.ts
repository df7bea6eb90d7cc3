import { afterEach, describe, expect, it } from 'vitest';
import {
  FrameInitSchema,
  FrameToHostSchema,
  HostToFrameSchema,
  WorkerToHostSchema,
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
  it('accepts only the worker lifecycle and the heartbeat', () => {
    const messages = [
      { type: 'ping', seq: 0 },
      { type: 'spawn' },
      { type: 'release', workerId: 3 },
      { type: 'kill', workerId: 3 },
    ];
    for (const message of messages) expect(HostToFrameSchema.parse(message)).toEqual(message);
  });

  it('rejects runs (they go to the worker), unknown types and missing worker ids', () => {
    expect(HostToFrameSchema.safeParse({ type: 'run', runId: 1, request }).success).toBe(false);
    expect(HostToFrameSchema.safeParse({ type: 'eval', code: '1' }).success).toBe(false);
    expect(HostToFrameSchema.safeParse({ type: 'kill' }).success).toBe(false);
    expect(HostToFrameSchema.safeParse({ type: 'kill', workerId: 0 }).success).toBe(false);
    expect(HostToFrameSchema.safeParse({ type: 'release', workerId: 1.5 }).success).toBe(false);
    expect(HostToFrameSchema.safeParse('ping').success).toBe(false);
    expect(HostToFrameSchema.safeParse(null).success).toBe(false);
  });

  it("init must carry a MessagePort and the worker's scripts as Blobs", () => {
    const workerScript = new Blob(['postMessage(1)'], { type: 'text/javascript' });
    const lateModules = { acorn: new Blob(['module.exports = {};']) };
    const init = (fields: object) =>
      FrameInitSchema.safeParse({ type: 'init', lateModules, ...fields });
    expect(init({ port: port(), workerScript }).success).toBe(true);
    expect(init({ port: {}, workerScript }).success).toBe(false);
    expect(init({ workerScript }).success).toBe(false);
    // The script as text (what the srcdoc used to carry) or a URL is not accepted.
    expect(init({ port: port(), workerScript: 'postMessage(1)' }).success).toBe(false);
    expect(init({ port: port(), workerScript: 'blob:null/1' }).success).toBe(false);
    expect(init({ port: port() }).success).toBe(false);
    // The late modules likewise: Blobs by name, or no init at all.
    expect(init({ port: port(), workerScript, lateModules: {} }).success).toBe(true);
    expect(init({ port: port(), workerScript, lateModules: { acorn: 'x' } }).success).toBe(false);
    expect(init({ port: port(), workerScript, lateModules: undefined }).success).toBe(false);
  });

  it('init is not accepted on the port', () => {
    expect(HostToFrameSchema.safeParse({ type: 'init', port: port() }).success).toBe(false);
  });
});

describe('frame → host', () => {
  it('offers standby workers with their port, answers pings and reports faults', () => {
    const standby = { type: 'standby', workerId: 1, port: port() };
    expect(FrameToHostSchema.parse(standby)).toEqual(standby);
    const messages = [
      { type: 'pong', seq: 4 },
      { type: 'fault', workerId: 2, message: 'Sandbox worker failed: x' },
      { type: 'fault', message: 'standby failed' },
    ];
    for (const message of messages) expect(FrameToHostSchema.parse(message)).toEqual(message);
  });

  it('a standby needs a real port and a worker id', () => {
    expect(FrameToHostSchema.safeParse({ type: 'standby', workerId: 1, port: {} }).success).toBe(
      false,
    );
    expect(FrameToHostSchema.safeParse({ type: 'standby', port: port() }).success).toBe(false);
  });

  it('does not carry a run’s reports: those come from the worker', () => {
    const settled = { type: 'settled', runId: 1, outcome: { status: 'succeeded', durationMs: 2 } };
    expect(FrameToHostSchema.safeParse(settled).success).toBe(false);
    expect(FrameToHostSchema.safeParse({ type: 'log', runId: 1, entries: [entry] }).success).toBe(
      false,
    );
  });
});

describe('worker → host', () => {
  it('accepts every report kind', () => {
    const messages = [
      { type: 'log', runId: 1, entries: [entry] },
      { type: 'request', runId: 1, entries: [httpEntry, sdkEntry] },
      { type: 'request', runId: 1, entries: [], dropped: 3 },
      { type: 'storage', runId: 1, state: { data: { n: 1 }, etag: 'e' } },
      { type: 'storage', runId: 1, state: {} },
      { type: 'settled', runId: 1, outcome: { status: 'succeeded', durationMs: 2 } },
      { type: 'finished', runId: 1 },
      { type: 'fault', runId: 1, message: 'worker failed' },
      { type: 'fault', message: 'Worker received no run' },
    ];
    for (const message of messages) expect(WorkerToHostSchema.parse(message)).toEqual(message);
  });

  it('rejects malformed log entries and host-only outcomes', () => {
    const badEntry = { ...entry, level: 'shout' };
    expect(
      WorkerToHostSchema.safeParse({ type: 'log', runId: 1, entries: [badEntry] }).success,
    ).toBe(false);
    // timed-out, cancelled and crashed are decided by the host, never reported by the sandbox.
    const forged = { type: 'settled', runId: 1, outcome: { status: 'timed-out', durationMs: 1 } };
    expect(WorkerToHostSchema.safeParse(forged).success).toBe(false);
    expect(WorkerToHostSchema.safeParse({ type: 'settled', runId: 1 }).success).toBe(false);
  });

  it('the worker may not speak for the frame', () => {
    expect(
      WorkerToHostSchema.safeParse({ type: 'storage', runId: 2, state: { etag: 1 } }).success,
    ).toBe(false);
    expect(WorkerToHostSchema.safeParse({ type: 'pong', seq: 1 }).success).toBe(false);
    expect(
      WorkerToHostSchema.safeParse({ type: 'standby', workerId: 1, port: port() }).success,
    ).toBe(false);
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
        WorkerToHostSchema.safeParse({ type: 'request', runId: 1, entries: [item] }).success,
      ).toBe(false);
    }
    expect(
      WorkerToHostSchema.safeParse({ type: 'request', runId: 1, entries: [], dropped: -1 }).success,
    ).toBe(false);
    expect(WorkerToHostSchema.safeParse({ type: 'request', entries: [] }).success).toBe(false);
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
