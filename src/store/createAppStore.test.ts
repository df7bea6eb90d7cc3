import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import type { HookExample } from '../core/examples';
import { createAppStore } from './createAppStore';
import { createFakeRunner, logEntry } from './fakeRunner.testSupport';
import { GRACE_MS, LOG_FLUSH_MS, MAX_LOGS } from './runSlice';
import { selectHook } from './selectors';
import { starterHookDraft as starterDraft } from '../workspace/newHook';
import { secretProblems } from '../workspace/draft/secrets';

function setup() {
  const fake = createFakeRunner();
  const store = createAppStore({ runner: fake.runner });
  const state = () => store.getState();
  /** The selected hook. */
  const hook = () => selectHook(state());
  /** A hook by id (throws when it is gone, so a test reads as intended). */
  const byId = (id: string) => {
    const found = state().hooks[id];
    if (!found) throw new Error(`no hook ${id}`);
    return found;
  };
  return { store, runs: fake.runs, state, hook, byId };
}

const EMPTY_NETWORK_DRAFT = { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] };

describe('hook drafts', () => {
  it('starts with one hook of the first point holding its starter code and formatted default payload', () => {
    const { state, hook } = setup();
    const first = points[0]!;
    expect(state().hookOrder).toEqual([state().selectedHookId]);
    expect(hook().pointId).toBe(first.id);
    expect(hook().draft).toEqual({
      code: first.starterCode,
      payloadText: JSON.stringify(first.defaultPayload, null, 2),
      secrets: [],
      network: EMPTY_NETWORK_DRAFT,
      dependencies: {},
    });
  });

  it('gives every point its starter when a hook of it is created', () => {
    const { state, byId } = setup();
    for (const point of points) {
      const id = state().createHook(point.id);
      expect(byId(id).draft).toEqual(starterDraft(point.id));
      expect(byId(id).draft.code).toBe(point.starterCode);
    }
  });

  it('keeps each hook its own draft when switching back and forth', () => {
    const { state, byId } = setup();
    const first = state().selectedHookId;
    const pre = state().createHook('pre-user-registration');
    state().setCode(pre, 'pre');
    state().setPayloadText(pre, '{ "broken": ');
    state().selectHook(first);
    state().setCode(first, 'first');
    state().selectHook(pre);
    expect(byId(pre).draft).toEqual({
      ...starterDraft('pre-user-registration'),
      code: 'pre',
      payloadText: '{ "broken": ',
    });
    expect(byId(first).draft.code).toBe('first');
  });

  it('keeps two hooks of the same point apart', () => {
    const { state, byId } = setup();
    const a = state().createHook('send-phone-message');
    const b = state().createHook('send-phone-message');
    state().setCode(a, 'a');
    state().setCode(b, 'b');
    expect(byId(a).draft.code).toBe('a');
    expect(byId(b).draft.code).toBe('b');
  });

  it('does not notify subscribers when a draft is set to its current value', () => {
    const { store, state, hook } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().setCode(hook().id, hook().draft.code);
    state().setPayloadText(hook().id, hook().draft.payloadText);
    state().resetCode(hook().id);
    state().resetPayload(hook().id);
    expect(listener).not.toHaveBeenCalled();
  });

  it('ignores edits of a hook that does not exist', () => {
    const { store, state } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().setCode('no-such-hook', 'x');
    state().setStorage('no-such-hook', { data: 1 });
    state().addHttpMock('no-such-hook');
    expect(listener).not.toHaveBeenCalled();
  });

  it('stamps updatedAt on a change', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(1000);
      const { state, byId } = setup();
      const id = state().createHook('post-change-password');
      expect(byId(id).updatedAt).toBe(1000);
      vi.setSystemTime(2000);
      state().setCode(id, 'x');
      expect(byId(id)).toMatchObject({ createdAt: 1000, updatedAt: 2000 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('resets code and payload to the starter separately', () => {
    const { state, byId } = setup();
    const id = state().createHook('post-change-password');
    state().setCode(id, 'x');
    state().setPayloadText(id, 'y');
    state().resetCode(id);
    expect(byId(id).draft).toEqual({
      ...starterDraft('post-change-password'),
      payloadText: 'y',
    });
    state().resetPayload(id);
    expect(byId(id).draft).toEqual(starterDraft('post-change-password'));
  });

  it('opens shared work as a new, selected hook with the payload formatted', () => {
    const { state, hook, byId } = setup();
    const mine = state().selectedHookId;
    state().setCode(mine, 'mine');
    state().openSharedWork({
      point: 'send-phone-message',
      name: 'Shared SMS',
      code: 'shared',
      payload: { recipient: '1', text: 't' },
      timeoutMs: 4321,
      dependencies: { twilio: '3.0.0' },
    });
    expect(state().hookOrder).toHaveLength(2);
    expect(state().hookOrder[0]).toBe(mine);
    expect(hook().id).not.toBe(mine);
    expect(hook()).toMatchObject({
      pointId: 'send-phone-message',
      name: 'Shared SMS',
      enabled: false,
      versions: [],
    });
    expect(hook().draft).toEqual({
      code: 'shared',
      payloadText: '{\n  "recipient": "1",\n  "text": "t"\n}',
      secrets: [],
      network: EMPTY_NETWORK_DRAFT,
      dependencies: { twilio: '3.0.0' },
    });
    expect(state().timeoutMs).toBe(4321);
    expect(byId(mine).draft.code).toBe('mine');
  });

  it('names shared work by a usable name, "Shared hook" without one, and never twice', () => {
    const { state, hook } = setup();
    const work = { point: 'send-phone-message' as const, code: 'c', payload: {} };
    state().openSharedWork(work);
    expect(hook().name).toBe('Shared hook');
    state().openSharedWork(work);
    expect(hook().name).toBe('Shared hook 2');
    state().openSharedWork({ ...work, name: 'My hook! (v2)' });
    expect(hook().name).toBe('My hook v2');
  });

  it('keeps the timeout when shared work carries none', () => {
    const { state } = setup();
    state().setTimeoutInput('3000');
    state().openSharedWork({ point: 'send-phone-message', code: 'c', payload: {} });
    expect(state().timeoutMs).toBe(3000);
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

describe('code pane', () => {
  it('clamps the fraction and falls back to the default for nonsense', () => {
    const { state } = setup();
    state().setCodePaneFraction(0.4);
    expect(state().codePaneFraction).toBe(0.4);
    state().setCodePaneFraction(0.95);
    expect(state().codePaneFraction).toBe(0.8);
    state().setCodePaneFraction(0);
    expect(state().codePaneFraction).toBe(0.2);
    state().setCodePaneFraction(Number.NaN);
    expect(state().codePaneFraction).toBe(0.55);
  });
});

describe('run', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('sends the selected hook’s draft as a request and reports the outcome', async () => {
    const { state, runs } = setup();
    const id = state().createHook('send-phone-message');
    state().setCode(id, 'module.exports = 1;');
    state().setPayloadText(id, '{"recipient":"r","text":"t","context":{}}');
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
      network: EMPTY_NETWORK_DRAFT,
    });
    expect(runs[0]?.options.timeoutMs).toBe(1234);
    expect(state().run).toMatchObject({
      status: 'running',
      point: 'send-phone-message',
      hookId: id,
    });

    runs[0]?.settle({ status: 'succeeded', response: { ok: true }, durationMs: 3 });
    await vi.runAllTimersAsync();
    expect(state().run).toMatchObject({
      status: 'done',
      hookId: id,
      outcome: { status: 'succeeded', response: { ok: true } },
      payload: { recipient: 'r', text: 't', context: {} },
      settling: true,
    });
    runs[0]?.finish();
    await vi.runAllTimersAsync();
    expect(state().run.settling).toBe(false);
  });

  it('runs the hook selected at Run, not one selected later', () => {
    const { state, runs } = setup();
    const first = state().selectedHookId;
    state().startRun();
    state().createHook('post-change-password');
    expect(runs[0]?.request.point).toBe(points[0]?.id);
    expect(state().run.hookId).toBe(first);
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
    const { state, runs, hook } = setup();
    state().setPayloadText(hook().id, '{ nope');
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run).toMatchObject({
      status: 'done',
      hookId: hook().id,
      point: hook().pointId,
      outcome: {
        status: 'not-started',
        field: 'payload',
        message: expect.stringMatching(/^The payload is not valid JSON: /),
      },
    });
  });

  it('fails without calling the runner when the timeout is invalid', () => {
    const { state, runs, hook } = setup();
    state().setTimeoutInput('10');
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.hookId).toBe(hook().id);
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
  it('adds, edits and removes rows per hook', () => {
    const { state, byId } = setup();
    const other = state().selectedHookId;
    const id = state().createHook('post-change-password');
    const first = state().addSecret(id);
    const second = state().addSecret(id);
    state().setSecretName(id, first, 'API_KEY');
    state().setSecretValue(id, first, 'k1');
    state().setSecretName(id, second, 'OTHER');
    expect(byId(id).draft.secrets).toEqual([
      { id: first, name: 'API_KEY', value: 'k1' },
      { id: second, name: 'OTHER', value: '' },
    ]);
    expect(byId(other).draft.secrets).toEqual([]);
    state().removeSecret(id, second);
    expect(byId(id).draft.secrets).toEqual([{ id: first, name: 'API_KEY', value: 'k1' }]);
  });

  it('explains a missing or repeated name per row, and keeps every row', () => {
    const { state, byId } = setup();
    const id = state().selectedHookId;
    const a = state().addSecret(id);
    const b = state().addSecret(id);
    const c = state().addSecret(id);
    state().setSecretName(id, a, 'KEY');
    state().setSecretName(id, b, ' KEY ');
    expect(secretProblems(byId(id).draft.secrets)).toEqual([
      { rowId: b, message: expect.stringContaining('KEY is already used') },
      { rowId: c, message: expect.stringContaining('has no name') },
    ]);
    expect(byId(id).draft.secrets).toHaveLength(3);
  });

  it('sends valid secrets with trimmed names as request.secrets and masks with them', () => {
    const { state, runs } = setup();
    const id = state().createHook('post-change-password');
    const a = state().addSecret(id);
    state().setSecretName(id, a, ' API_KEY ');
    state().setSecretValue(id, a, 'v');
    state().startRun();
    expect(runs[0]?.request.secrets).toEqual({ API_KEY: 'v' });
    expect(state().run.secrets).toEqual({ API_KEY: 'v' });
  });

  it('refuses to run with a secret problem and says which row', () => {
    const { state, runs } = setup();
    const id = state().createHook('post-change-password');
    const a = state().addSecret(id);
    state().setSecretName(id, a, 'A');
    state().addSecret(id);
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({
      status: 'not-started',
      field: 'secrets',
      message: expect.stringMatching(/^Secrets: row 2: This secret has no name/),
    });
    expect(state().run.hookId).toBe(id);
  });

  it('toggles a row between masked and revealed, and forgets it when removed', () => {
    const { state } = setup();
    const id = state().selectedHookId;
    const a = state().addSecret(id);
    state().toggleSecretReveal(a);
    expect(state().revealedSecretIds.has(a)).toBe(true);
    state().toggleSecretReveal(a);
    expect(state().revealedSecretIds.has(a)).toBe(false);
    state().toggleSecretReveal(a);
    state().removeSecret(id, a);
    expect(state().revealedSecretIds.size).toBe(0);
  });

  it('opening shared work never touches an existing hook’s secrets', () => {
    const { state, hook, byId } = setup();
    const mine = state().createHook('send-phone-message');
    const a = state().addSecret(mine);
    state().setSecretName(mine, a, 'MINE');
    const work = { point: 'send-phone-message' as const, code: 'c', payload: {} };
    state().openSharedWork(work);
    expect(hook().draft.secrets).toEqual([]);
    state().openSharedWork({ ...work, secrets: { SHARED: 's', OTHER: 'o' } });
    expect(hook().draft.secrets.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'SHARED', value: 's' },
      { name: 'OTHER', value: 'o' },
    ]);
    expect(byId(mine).draft.secrets.map((row) => row.name)).toEqual(['MINE']);
  });

  it('opens secrets whose value the link withheld empty and flagged notExported', () => {
    const { state, hook } = setup();
    state().openSharedWork({
      point: 'send-phone-message',
      code: 'c',
      payload: {},
      secrets: { SHOWN: 's', HIDDEN: '' },
      redactedSecrets: ['HIDDEN'],
    });
    const rows = hook().draft.secrets;
    expect(rows.map(({ name, value, notExported }) => ({ name, value, notExported }))).toEqual([
      { name: 'SHOWN', value: 's', notExported: undefined },
      { name: 'HIDDEN', value: '', notExported: true },
    ]);
    // Renaming keeps the flag; typing a value makes it a real value.
    const hidden = rows[1]!.id;
    state().setSecretName(hook().id, hidden, 'HIDDEN_KEY');
    expect(hook().draft.secrets[1]).toMatchObject({ name: 'HIDDEN_KEY', notExported: true });
    state().setSecretValue(hook().id, hidden, 'typed');
    expect(hook().draft.secrets[1]).toEqual({ id: hidden, name: 'HIDDEN_KEY', value: 'typed' });
  });
});

describe('storage', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('sends the hook’s storage, follows onStorage (also after the callback) and clears', async () => {
    const { state, runs, byId } = setup();
    const other = state().selectedHookId;
    const id = state().createHook('post-change-password');
    state().setStorage(id, { data: { count: 1 }, etag: 'e1' });
    state().startRun();
    expect(runs[0]?.request.storage).toEqual({ data: { count: 1 }, etag: 'e1' });

    runs[0]?.store({ data: { count: 2 }, etag: 'e2' });
    expect(byId(id).storage).toEqual({ data: { count: 2 }, etag: 'e2' });
    runs[0]?.settle({ status: 'succeeded', durationMs: 1 });
    await vi.runAllTimersAsync();
    runs[0]?.store({ data: { count: 3 }, etag: 'e3' });
    expect(byId(id).storage).toEqual({ data: { count: 3 }, etag: 'e3' });
    expect(byId(other).storage).toEqual({});
    runs[0]?.finish();
    await vi.runAllTimersAsync();

    state().startRun();
    expect(runs[1]?.request.storage).toEqual({ data: { count: 3 }, etag: 'e3' });

    state().clearStorage(id);
    expect(byId(id).storage).toEqual({});
  });

  it('keeps two hooks of one point their own storage', () => {
    const { state, byId } = setup();
    const a = state().createHook('post-change-password');
    const b = state().createHook('post-change-password');
    state().setStorage(a, { data: 'a' });
    expect(byId(a).storage).toEqual({ data: 'a' });
    expect(byId(b).storage).toEqual({});
  });

  it('writes to the storage of the hook that ran, even after switching hooks', () => {
    const { state, runs, byId } = setup();
    const ran = state().createHook('post-change-password');
    state().startRun();
    const other = state().createHook('post-change-password');
    expect(state().selectedHookId).toBe(other);
    runs[0]?.store({ data: 'x' });
    expect(byId(ran).storage).toEqual({ data: 'x' });
    expect(byId(other).storage).toEqual({});
  });

  it('drops a storage write of a hook deleted since it ran', () => {
    const { state, runs } = setup();
    const ran = state().createHook('post-change-password');
    state().startRun();
    state().deleteHook(ran);
    expect(() => runs[0]?.store({ data: 'x' })).not.toThrow();
    expect(state().hooks[ran]).toBeUndefined();
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
  it('loads an example as a new, selected hook without running it and shows what to expect', () => {
    const { state, runs, hook } = setup();
    const before = state().selectedHookId;
    state().loadExample(EXAMPLE);
    expect(runs).toHaveLength(0);
    expect(state().run.status).toBe('idle');
    expect(state().hookOrder).toEqual([before, hook().id]);
    expect(hook()).toMatchObject({
      pointId: 'pre-user-registration',
      name: 'Mark VIPs',
      enabled: false,
      storage: { data: { seen: 1 } },
    });
    const draft = hook().draft;
    expect(draft.code).toBe(EXAMPLE.code);
    expect(draft.payloadText).toBe(JSON.stringify(EXAMPLE.payload, null, 2));
    expect(draft.secrets.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'API_KEY', value: 'k' },
    ]);
    expect(draft.network).toEqual(EMPTY_NETWORK_DRAFT);
    expect(state().timeoutMs).toBe(5000);
    expect(state().exampleNotice).toMatchObject({
      title: 'Mark VIPs',
      expected: 'Succeeds; the merged user gets app_metadata.vip',
      hookId: hook().id,
      previousHookId: before,
    });
  });

  it('uses the point’s default payload, no secrets, empty storage and the default timeout when the example has none', () => {
    const { state, hook } = setup();
    state().setTimeoutInput('777');
    const { payload: _p, secrets: _s, storage: _st, timeoutMs: _t, ...bare } = EXAMPLE;
    state().loadExample(bare);
    expect(hook().draft.payloadText).toBe(starterDraft('pre-user-registration').payloadText);
    expect(hook().draft.secrets).toEqual([]);
    expect(hook().storage).toEqual({});
    expect(state().timeoutMs).toBe(20_000);
  });

  it('never touches an existing hook of the example’s point', () => {
    const { state, byId } = setup();
    const mine = state().createHook('pre-user-registration');
    state().setCode(mine, 'mine');
    state().setStorage(mine, { data: { mine: true } });
    const before = byId(mine);
    state().loadExample(EXAMPLE);
    expect(byId(mine)).toBe(before);
  });

  it('names example hooks uniquely', () => {
    const { state, hook } = setup();
    state().loadExample(EXAMPLE);
    state().loadExample(EXAMPLE);
    expect(hook().name).toBe('Mark VIPs 2');
  });

  it('Undo removes the example’s hook and restores the selection and timeout', () => {
    const { state, byId } = setup();
    const first = state().selectedHookId;
    const mine = state().createHook('send-phone-message');
    state().setCode(mine, 'mine');
    state().selectHook(first);
    state().setTimeoutInput('12');
    const hooksBefore = state().hooks;
    const orderBefore = state().hookOrder;

    state().loadExample(EXAMPLE);
    const exampleHook = state().selectedHookId;
    state().undoExample();
    expect(state().hooks[exampleHook]).toBeUndefined();
    expect(state().hooks).toEqual(hooksBefore);
    expect(state().hookOrder).toEqual(orderBefore);
    expect(byId(mine).draft.code).toBe('mine');
    expect(state().selectedHookId).toBe(first);
    expect(state()).toMatchObject({ timeoutMs: 20_000, timeoutInput: '12' });
    expect(state().exampleNotice).toBeNull();
  });

  it('Undo after two loads removes only the second example’s hook', () => {
    const { state, hook } = setup();
    state().loadExample(EXAMPLE);
    const firstExample = state().selectedHookId;
    state().loadExample({ ...EXAMPLE, title: 'Second', code: 'second' });
    state().undoExample();
    expect(state().hookOrder).toHaveLength(2);
    expect(hook().id).toBe(firstExample);
    expect(hook().draft.code).toBe(EXAMPLE.code);
    expect(state().timeoutMs).toBe(5000);
  });

  it('dismissing the notice keeps the example’s hook', () => {
    const { state } = setup();
    state().loadExample(EXAMPLE);
    const id = state().selectedHookId;
    state().dismissExampleNotice();
    state().undoExample();
    expect(state().hooks[id]).toBeDefined();
    expect(state().exampleNotice).toBeNull();
  });
});
