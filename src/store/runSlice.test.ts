import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpMock } from '../core/networkSchemas';
import { createAppStore } from './createAppStore';
import { createFakeRunner, logEntry, outboundEntry } from './fakeRunner.testSupport';
import { REQUEST_LIMITS } from '../core/outputLimits';
import type { AppStore } from './createAppStore';
import type { Draft } from './draftSlice';

function setup() {
  const fake = createFakeRunner();
  const store = createAppStore({ runner: fake.runner, testRunner: createFakeRunner().runner });
  return { store, runs: fake.runs, state: () => store.getState() };
}

/** Replaces the selected hook's draft directly (the actions would not store invalid data). */
function setSelectedDraft(store: AppStore, change: (draft: Draft) => Draft) {
  store.setState((s) => {
    const hook = s.hooks[s.selectedHookId]!;
    return { hooks: { ...s.hooks, [hook.id]: { ...hook, draft: change(hook.draft) } } };
  });
}

const mock: HttpMock = {
  id: 'm1',
  method: 'POST',
  urlPattern: 'https://hooks.slack.com/*',
  status: 200,
  headers: {},
  body: 'ok',
  delayMs: 0,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('run: outbound requests', () => {
  it("sends the hook's network settings with the request and keeps them with the run", () => {
    const { store, state, runs } = setup();
    const network = { mocks: [mock], allowNetwork: true, moduleMocks: [], autoMocks: ['twilio'] };
    setSelectedDraft(store, (draft) => ({ ...draft, network }));
    state().startRun();
    expect(runs[0]?.request.network).toEqual(network);
    expect(state().run.network).toEqual(network);
    expect(state().run.hookId).toBe(state().selectedHookId);
  });

  it('sends only usable module rows, while the draft keeps every row', () => {
    const { state, runs } = setup();
    const id = state().selectedHookId;
    state().addModuleMock(id, '');
    state().addModuleMock(id, 'lib');
    state().addAutoMock(id, 'twilio');
    state().startRun();
    expect(runs[0]?.request.network?.moduleMocks.map((m) => m.name)).toEqual(['lib']);
    expect(runs[0]?.request.network?.autoMocks).toEqual(['twilio']);
    expect(state().hooks[id]?.draft.network.moduleMocks).toHaveLength(2);
  });

  it('treats a draft without network settings (saved before them) as nothing mocked', () => {
    const { store, state, runs } = setup();
    setSelectedDraft(store, (draft) => {
      const { network: _dropped, ...old } = draft;
      return old as Draft;
    });
    state().startRun();
    expect(runs[0]?.request.network).toEqual({
      mocks: [],
      allowNetwork: false,
      moduleMocks: [],
      autoMocks: [],
    });
  });

  it('does not start a run with invalid mocks, and says why', () => {
    const { store, state, runs } = setup();
    const network = {
      mocks: [{ ...mock, status: 42 }],
      allowNetwork: false,
      moduleMocks: [],
      autoMocks: [],
    };
    setSelectedDraft(store, (draft) => ({ ...draft, network }));
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({
      status: 'not-started',
      field: 'network',
      message: expect.stringMatching(
        /^The HTTP mocks or module settings are invalid: mocks\.0\.status/,
      ),
    });
    expect(state().run.hookId).toBe(state().selectedHookId);
  });

  it('appends entries in batches, also after the callback, until the run is done', async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.trace([outboundEntry(0)]);
    runs[0]?.log(logEntry(0, 'a'));
    runs[0]?.trace([outboundEntry(1, { kind: 'sdk', client: 'twilio', answeredBy: 'sdk' })]);
    expect(state().run.requests.map((e) => e.seq)).toEqual([0, 1]);
    expect(state().run.logs).toHaveLength(1);

    runs[0]?.settle({ status: 'succeeded', durationMs: 2 });
    runs[0]?.trace([outboundEntry(2, { afterCallback: true })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().run.status).toBe('done');
    expect(state().run.requests.map((e) => e.seq)).toEqual([0, 1, 2]);

    // What arrives just before done is kept.
    runs[0]?.trace([outboundEntry(3, { afterCallback: true })]);
    runs[0]?.finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(state().run.requests.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(state().run.settling).toBe(false);
  });

  it('caps the entries and counts the rest, including what the sandbox dropped', async () => {
    const { state, runs } = setup();
    state().startRun();
    const many = Array.from({ length: REQUEST_LIMITS.maxEntries + 5 }, (_, i) => outboundEntry(i));
    runs[0]?.trace(many, 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().run.requests).toHaveLength(REQUEST_LIMITS.maxEntries);
    expect(state().run.droppedRequests).toBe(8);
    runs[0]?.trace([], 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().run.droppedRequests).toBe(10);
  });

  it("drops a replaced run's entries and starts the next run empty", async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.trace([outboundEntry(0)]);
    await vi.advanceTimersByTimeAsync(0);
    runs[0]?.settle({ status: 'succeeded', durationMs: 2 });
    await vi.advanceTimersByTimeAsync(0);
    runs[0]?.trace([outboundEntry(1, { afterCallback: true })]);
    state().startRun();
    expect(state().run.requests).toEqual([]);
    runs[0]?.trace([outboundEntry(2, { afterCallback: true })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(state().run.requests).toEqual([]);
    expect(state().run.droppedRequests).toBe(0);
  });
});
