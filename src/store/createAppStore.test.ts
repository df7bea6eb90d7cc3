import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { logEntry } from './fakeRunner.testSupport';
import { GRACE_MS } from './runSlice';
import { MAX_LOGS_KEPT } from '../core/outputLimits';
import { setupRunStore } from './appStore.testSupport';

const setup = setupRunStore;

const EMPTY_NETWORK_DRAFT = { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] };

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
    expect(state().run.logs.map((entry) => entry.text)).toEqual(['a', 'b', 'c']);

    runs[0]?.log(logEntry(3, 'd'));
    runs[0]?.settle({ status: 'succeeded', durationMs: 1 });
    await vi.advanceTimersByTimeAsync(0);
    // What came before the outcome is there with it.
    expect(state().run.logs.map((entry) => entry.text)).toEqual(['a', 'b', 'c', 'd']);

    runs[0]?.log(logEntry(4, 'late', { afterCallback: true }));
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().run.logs.at(-1)).toMatchObject({ text: 'late', afterCallback: true });
  });

  it('keeps at most MAX_LOGS_KEPT entries and counts the rest', async () => {
    const { state, runs } = setup();
    state().startRun();
    const many = Array.from({ length: MAX_LOGS_KEPT + 25 }, (_, i) => logEntry(i, `line ${i}`));
    runs[0]?.log(...many);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().run.logs).toHaveLength(MAX_LOGS_KEPT);
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
