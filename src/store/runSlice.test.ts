import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpMock } from '../core/networkSchemas';
import { createAppStore } from './createAppStore';
import { createFakeRunner, logEntry, outboundEntry } from './createFakeRunner';
import { LOG_FLUSH_MS, MAX_REQUESTS } from './runSlice';
import type { Draft } from './workspaceSlice';

function setup() {
  const fake = createFakeRunner();
  const store = createAppStore({ runner: fake.runner });
  return { store, runs: fake.runs, state: () => store.getState() };
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
  it("sends the point's network settings with the request and keeps them with the run", () => {
    const { store, state, runs } = setup();
    const point = state().pointId;
    const network = { mocks: [mock], allowNetwork: true, moduleMocks: [], autoMocks: ['twilio'] };
    store.setState((s) => ({ drafts: { ...s.drafts, [point]: { ...s.drafts[point], network } } }));
    state().startRun();
    expect(runs[0]?.request.network).toEqual(network);
    expect(state().run.network).toEqual(network);
  });

  it('treats a draft without network settings (saved before them) as nothing mocked', () => {
    const { store, state, runs } = setup();
    const point = state().pointId;
    store.setState((s) => {
      const { network: _dropped, ...old } = s.drafts[point];
      return { drafts: { ...s.drafts, [point]: old as Draft } };
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
    const point = state().pointId;
    const network = {
      mocks: [{ ...mock, status: 42 }],
      allowNetwork: false,
      moduleMocks: [],
      autoMocks: [],
    };
    store.setState((s) => ({ drafts: { ...s.drafts, [point]: { ...s.drafts[point], network } } }));
    state().startRun();
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({ status: 'not-started', field: 'network' });
  });

  it('appends entries in batches, also after the callback, until the run is done', async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.trace([outboundEntry(0)]);
    runs[0]?.log(logEntry(0, 'a'));
    runs[0]?.trace([outboundEntry(1, { kind: 'sdk', client: 'twilio', answeredBy: 'sdk' })]);
    expect(state().run.requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    expect(state().run.requests.map((e) => e.seq)).toEqual([0, 1]);
    expect(state().run.logs).toHaveLength(1);

    runs[0]?.settle({ status: 'succeeded', durationMs: 2 });
    runs[0]?.trace([outboundEntry(2, { afterCallback: true })]);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    expect(state().run.status).toBe('done');
    expect(state().run.requests.map((e) => e.seq)).toEqual([0, 1, 2]);

    // What arrives just before done is flushed with it.
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
    const many = Array.from({ length: MAX_REQUESTS + 5 }, (_, i) => outboundEntry(i));
    runs[0]?.trace(many, 3);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    expect(state().run.requests).toHaveLength(MAX_REQUESTS);
    expect(state().run.droppedRequests).toBe(8);
    runs[0]?.trace([], 2);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    expect(state().run.droppedRequests).toBe(10);
  });

  it("drops a replaced run's entries and starts the next run empty", async () => {
    const { state, runs } = setup();
    state().startRun();
    runs[0]?.trace([outboundEntry(0)]);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    runs[0]?.settle({ status: 'succeeded', durationMs: 2 });
    await vi.advanceTimersByTimeAsync(0);
    runs[0]?.trace([outboundEntry(1, { afterCallback: true })]);
    state().startRun();
    expect(state().run.requests).toEqual([]);
    runs[0]?.trace([outboundEntry(2, { afterCallback: true })]);
    await vi.advanceTimersByTimeAsync(LOG_FLUSH_MS);
    expect(state().run.requests).toEqual([]);
    expect(state().run.droppedRequests).toBe(0);
  });
});
