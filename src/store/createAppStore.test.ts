import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { createAppStore } from './createAppStore';
import { createFakeRunner, logEntry } from './createFakeRunner';
import { GRACE_MS, LOG_FLUSH_MS, MAX_LOGS } from './runSlice';
import { starterDraft } from './workspaceSlice';
import { secretProblems } from './secrets';
import type { HookExample } from '../core/examples';

function setup() {
  const fake = createFakeRunner();
  const store = createAppStore({ runner: fake.runner });
  return { store, runs: fake.runs, state: () => store.getState() };
}

describe('drafts', () => {
  it('starts every point with its starter code and formatted default payload', () => {
    const { state } = setup();
    for (const point of points) {
      expect(state().drafts[point.id]).toEqual({
        code: point.starterCode,
        payloadText: JSON.stringify(point.defaultPayload, null, 2),
        secrets: [],
        network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
      });
    }
    expect(state().pointId).toBe(points[0]?.id);
  });

  it('keeps each point its own draft when switching back and forth', () => {
    const { state } = setup();
    state().selectPoint('pre-user-registration');
    state().setCode('pre-user-registration', 'pre');
    state().setPayloadText('pre-user-registration', '{ "broken": ');
    state().selectPoint('send-phone-message');
    state().setCode('send-phone-message', 'sms');
    state().selectPoint('pre-user-registration');
    expect(state().drafts['pre-user-registration']).toEqual({
      code: 'pre',
      payloadText: '{ "broken": ',
      secrets: [],
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
    expect(state().drafts['send-phone-message'].code).toBe('sms');
  });

  it('does not notify subscribers when a draft is set to its current value', () => {
    const { store, state } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().setCode(state().pointId, state().drafts[state().pointId].code);
    expect(listener).not.toHaveBeenCalled();
  });

  it('resets code and payload to the starter separately', () => {
    const { state } = setup();
    state().setCode('post-change-password', 'x');
    state().setPayloadText('post-change-password', 'y');
    state().resetCode('post-change-password');
    expect(state().drafts['post-change-password']).toEqual({
      code: starterDraft('post-change-password').code,
      payloadText: 'y',
      secrets: [],
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
    state().resetPayload('post-change-password');
    expect(state().drafts['post-change-password']).toEqual(starterDraft('post-change-password'));
  });

  it('opens shared work into its point with the payload formatted', () => {
    const { state } = setup();
    state().setCode('credentials-exchange', 'mine');
    state().openSharedWork({
      point: 'send-phone-message',
      code: 'shared',
      payload: { recipient: '1', text: 't' },
      timeoutMs: 4321,
    });
    expect(state().pointId).toBe('send-phone-message');
    expect(state().drafts['send-phone-message']).toEqual({
      code: 'shared',
      payloadText: '{\n  "recipient": "1",\n  "text": "t"\n}',
      secrets: [],
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
    expect(state().timeoutMs).toBe(4321);
    expect(state().drafts['credentials-exchange'].code).toBe('mine');
  });
});

describe('timeout', () => {
  it('accepts whole numbers from 50 to 600000 and keeps other text as a problem', () => {
    const { state } = setup();
    expect(state().timeoutMs).toBe(20_000);
    state().setTimeoutInput('1500');
    expect(state()).toMatchObject({ timeoutMs: 1500, timeoutInput: null });
    for (const bad of ['', '49', '600001', '12.5', 'abc']) {
      state().setTimeoutInput(bad);
      expect(state()).toMatchObject({ timeoutMs: 1500, timeoutInput: bad });
    }
    state().setTimeoutInput('600000');
    expect(state()).toMatchObject({ timeoutMs: 600_000, timeoutInput: null });
  });
});

describe('run', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('sends the current draft as a request and reports the outcome', async () => {
    const { state, runs } = setup();
    state().selectPoint('send-phone-message');
    state().setCode('send-phone-message', 'module.exports = 1;');
    state().setPayloadText('send-phone-message', '{"recipient":"r","text":"t","context":{}}');
    state().setTimeoutInput('1234');
    state().startRun();

    expect(runs).toHaveLength(1);
    expect(runs[0]?.request).toEqual({
      point: 'send-phone-message',
      code: 'module.exports = 1;',
      payload: { recipient: 'r', text: 't', context: {} },
      secrets: {},
      graceMs: GRACE_MS,
      storage: {},
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
    expect(runs[0]?.options.timeoutMs).toBe(1234);
    expect(state().run).toMatchObject({ status: 'running', point: 'send-phone-message' });

    runs[0]?.settle({ status: 'succeeded', response: { ok: true }, durationMs: 3 });
    await vi.runAllTimersAsync();
    expect(state().run).toMatchObject({
      status: 'done',
      outcome: { status: 'succeeded', response: { ok: true } },
      payload: { recipient: 'r', text: 't', context: {} },
      settling: true,
    });
    runs[0]?.finish();
    await vi.runAllTimersAsync();
    expect(state().run.settling).toBe(false);
  });

  it('streams logs in batches, including those after the callback', async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.log(logEntry(0, 'a'), logEntry(1, 'b'));
    runs[0]?.log(logEntry(2, 'c'));
    expect(state().run.logs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    expect(state().run.logs.map((entry) => entry.text)).toEqual(['a', 'b', 'c']);

    runs[0]?.log(logEntry(3, 'd'));
    runs[0]?.settle({ status: 'succeeded', durationMs: 1 });
    await vi.advanceTimersByTimeAsync(0);
    // The outcome flushes what came before it at once.
    expect(state().run.logs.map((entry) => entry.text)).toEqual(['a', 'b', 'c', 'd']);

    runs[0]?.log(logEntry(4, 'late', { afterCallback: true }));
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().run.logs.at(-1)).toMatchObject({ text: 'late', afterCallback: true });
  });

  it('keeps at most MAX_LOGS entries and counts the rest', async () => {
    const { state, runs } = setup();
    state().startRun();
    const many = Array.from({ length: MAX_LOGS + 25 }, (_, i) => logEntry(i, `line ${i}`));
    runs[0]?.log(...many);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    expect(state().run.logs).toHaveLength(MAX_LOGS);
    expect(state().run.droppedLogs).toBe(25);
  });

  it('fails without calling the runner when the payload is not JSON', () => {
    const { state, runs } = setup();
    state().setPayloadText(state().pointId, '{ nope');
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run).toMatchObject({
      status: 'done',
      outcome: {
        status: 'not-started',
        field: 'payload',
        message: expect.stringMatching(/^The payload is not valid JSON: /),
      },
    });
  });

  it('fails without calling the runner when the timeout is invalid', () => {
    const { state, runs } = setup();
    state().setTimeoutInput('10');
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({
      status: 'not-started',
      field: 'timeout',
      message: expect.stringContaining('Timeout (ms) must be a whole number from 50 to 600000'),
    });
  });

  it('ignores Run while a run is in flight, and Cancel stops it', async () => {
    const { state, runs } = setup();
    state().startRun();
    state().startRun();
    expect(runs).toHaveLength(1);
    state().cancelRun();
    expect(runs[0]?.cancelled).toBe(true);
    await vi.runAllTimersAsync();
    expect(state().run).toMatchObject({ status: 'done', outcome: { status: 'cancelled' } });
  });

  it('ends the previous grace period and ignores its late reports when a new run starts', async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.settle({ status: 'succeeded', durationMs: 1 });
    await vi.runAllTimersAsync();
    state().startRun();
    expect(runs[0]?.cancelled).toBe(true);
    runs[0]?.log(logEntry(9, 'stale'));
    await vi.runAllTimersAsync();
    expect(state().run).toMatchObject({ id: 2, status: 'running', logs: [] });
  });

  it('resets the previous result when a new run starts', async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.log(logEntry(0, 'first'));
    runs[0]?.settle({ status: 'succeeded', durationMs: 1 });
    runs[0]?.finish();
    await vi.runAllTimersAsync();
    state().startRun();
    expect(state().run).toMatchObject({ status: 'running', logs: [], outcome: null });
  });

  it('does not cancel a finished run', async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.settle({ status: 'succeeded', durationMs: 1 });
    await vi.runAllTimersAsync();
    state().cancelRun();
    expect(runs[0]?.cancelled).toBe(false);
  });
});

describe('secrets', () => {
  it('adds, edits and removes rows per point', () => {
    const { state } = setup();
    const first = state().addSecret('post-change-password');
    const second = state().addSecret('post-change-password');
    state().setSecretName('post-change-password', first, 'API_KEY');
    state().setSecretValue('post-change-password', first, 'k1');
    state().setSecretName('post-change-password', second, 'OTHER');
    expect(state().drafts['post-change-password'].secrets).toEqual([
      { id: first, name: 'API_KEY', value: 'k1' },
      { id: second, name: 'OTHER', value: '' },
    ]);
    expect(state().drafts['pre-user-registration'].secrets).toEqual([]);
    state().removeSecret('post-change-password', second);
    expect(state().drafts['post-change-password'].secrets).toEqual([
      { id: first, name: 'API_KEY', value: 'k1' },
    ]);
  });

  it('explains a missing or repeated name per row, and keeps every row', () => {
    const { state } = setup();
    const point = 'post-change-password';
    const a = state().addSecret(point);
    const b = state().addSecret(point);
    const c = state().addSecret(point);
    state().setSecretName(point, a, 'KEY');
    state().setSecretName(point, b, ' KEY ');
    expect(secretProblems(state().drafts[point].secrets)).toEqual([
      { rowId: b, message: expect.stringContaining('KEY is already used') },
      { rowId: c, message: expect.stringContaining('has no name') },
    ]);
    expect(state().drafts[point].secrets).toHaveLength(3);
  });

  it('sends valid secrets with trimmed names as request.secrets and masks with them', () => {
    const { state, runs } = setup();
    const point = 'post-change-password';
    state().selectPoint(point);
    const a = state().addSecret(point);
    state().setSecretName(point, a, ' API_KEY ');
    state().setSecretValue(point, a, 'v');
    state().startRun();
    expect(runs[0]?.request.secrets).toEqual({ API_KEY: 'v' });
    expect(state().run.secrets).toEqual({ API_KEY: 'v' });
  });

  it('refuses to run with a secret problem and says which row', () => {
    const { state, runs } = setup();
    const point = 'post-change-password';
    state().selectPoint(point);
    const a = state().addSecret(point);
    state().setSecretName(point, a, 'A');
    state().addSecret(point);
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({
      status: 'not-started',
      field: 'secrets',
      message: expect.stringMatching(/^Secrets: row 2: This secret has no name/),
    });
  });

  it('toggles a row between masked and revealed, and forgets it when removed', () => {
    const { state } = setup();
    const a = state().addSecret('post-change-password');
    state().toggleSecretReveal(a);
    expect(state().revealedSecretIds.has(a)).toBe(true);
    state().toggleSecretReveal(a);
    expect(state().revealedSecretIds.has(a)).toBe(false);
    state().toggleSecretReveal(a);
    state().removeSecret('post-change-password', a);
    expect(state().revealedSecretIds.size).toBe(0);
  });

  it('opening shared work with secrets replaces the point’s secrets; without keeps them', () => {
    const { state } = setup();
    const a = state().addSecret('send-phone-message');
    state().setSecretName('send-phone-message', a, 'MINE');
    const work = { point: 'send-phone-message' as const, code: 'c', payload: {} };
    state().openSharedWork(work);
    expect(state().drafts['send-phone-message'].secrets.map((row) => row.name)).toEqual(['MINE']);
    state().openSharedWork({ ...work, secrets: { SHARED: 's', OTHER: 'o' } });
    expect(
      state().drafts['send-phone-message'].secrets.map(({ name, value }) => ({ name, value })),
    ).toEqual([
      { name: 'SHARED', value: 's' },
      { name: 'OTHER', value: 'o' },
    ]);
  });
});

describe('storage', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('sends the point’s storage, follows onStorage (also after the callback) and clears', async () => {
    const { state, runs } = setup();
    const point = 'post-change-password';
    state().selectPoint(point);
    state().setStorage(point, { data: { count: 1 }, etag: 'e1' });
    state().startRun();
    expect(runs[0]?.request.storage).toEqual({ data: { count: 1 }, etag: 'e1' });

    runs[0]?.store({ data: { count: 2 }, etag: 'e2' });
    expect(state().storage[point]).toEqual({ data: { count: 2 }, etag: 'e2' });
    runs[0]?.settle({ status: 'succeeded', durationMs: 1 });
    await vi.runAllTimersAsync();
    runs[0]?.store({ data: { count: 3 }, etag: 'e3' });
    expect(state().storage[point]).toEqual({ data: { count: 3 }, etag: 'e3' });
    expect(state().storage['pre-user-registration']).toEqual({});
    runs[0]?.finish();
    await vi.runAllTimersAsync();

    state().startRun();
    expect(runs[1]?.request.storage).toEqual({ data: { count: 3 }, etag: 'e3' });

    state().clearStorage(point);
    expect(state().storage[point]).toEqual({});
  });

  it('writes to the storage of the point that ran, even after switching points', () => {
    const { state, runs } = setup();
    state().selectPoint('post-change-password');
    state().startRun();
    state().selectPoint('send-phone-message');
    runs[0]?.store({ data: 'x' });
    expect(state().storage['post-change-password']).toEqual({ data: 'x' });
    expect(state().storage['send-phone-message']).toEqual({});
  });
});

const EXAMPLE: HookExample = {
  id: 'vip',
  point: 'pre-user-registration',
  title: 'Mark VIPs',
  description: 'Adds app_metadata.vip',
  code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
  payload: { user: { email: 'a@b.c' }, context: {} },
  secrets: { API_KEY: 'k' },
  storage: { data: { seen: 1 } },
  timeoutMs: 5000,
  expected: 'Succeeds; the merged user gets app_metadata.vip',
};

describe('examples', () => {
  it('loads an example into its point without running it and shows what to expect', () => {
    const { state, runs } = setup();
    state().selectPoint('send-phone-message');
    state().loadExample(EXAMPLE);
    expect(runs).toHaveLength(0);
    expect(state().run.status).toBe('idle');
    expect(state().pointId).toBe('pre-user-registration');
    const draft = state().drafts['pre-user-registration'];
    expect(draft.code).toBe(EXAMPLE.code);
    expect(draft.payloadText).toBe(JSON.stringify(EXAMPLE.payload, null, 2));
    expect(draft.secrets.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'API_KEY', value: 'k' },
    ]);
    expect(state().storage['pre-user-registration']).toEqual({ data: { seen: 1 } });
    expect(state().timeoutMs).toBe(5000);
    expect(state().exampleNotice).toMatchObject({
      title: 'Mark VIPs',
      expected: 'Succeeds; the merged user gets app_metadata.vip',
    });
  });

  it('uses the point’s default payload, no secrets, empty storage and the default timeout when the example has none', () => {
    const { state } = setup();
    state().setTimeoutInput('777');
    state().setStorage('pre-user-registration', { data: 1 });
    const { payload: _p, secrets: _s, storage: _st, timeoutMs: _t, ...bare } = EXAMPLE;
    state().loadExample(bare);
    const draft = state().drafts['pre-user-registration'];
    expect(draft.payloadText).toBe(starterDraft('pre-user-registration').payloadText);
    expect(draft.secrets).toEqual([]);
    expect(state().storage['pre-user-registration']).toEqual({});
    expect(state().timeoutMs).toBe(20_000);
  });

  it('Undo restores the previous draft, storage, timeout and selected point', () => {
    const { state } = setup();
    state().selectPoint('send-phone-message');
    state().setCode('pre-user-registration', 'mine');
    const a = state().addSecret('pre-user-registration');
    state().setSecretName('pre-user-registration', a, 'MY');
    state().setStorage('pre-user-registration', { data: { mine: true } });
    state().setTimeoutInput('12');
    const before = state().drafts['pre-user-registration'];

    state().loadExample(EXAMPLE);
    state().undoExample();
    expect(state().drafts['pre-user-registration']).toBe(before);
    expect(state().storage['pre-user-registration']).toEqual({ data: { mine: true } });
    expect(state()).toMatchObject({ timeoutMs: 20_000, timeoutInput: '12' });
    expect(state().pointId).toBe('send-phone-message');
    expect(state().exampleNotice).toBeNull();
  });

  it('Undo after two loads restores the draft before the second', () => {
    const { state } = setup();
    state().loadExample(EXAMPLE);
    state().loadExample({ ...EXAMPLE, title: 'Second', code: 'second' });
    state().undoExample();
    expect(state().drafts['pre-user-registration'].code).toBe(EXAMPLE.code);
  });
});
