import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { createAppStore } from './createAppStore';
import { createFakeRunner, logEntry } from './createFakeRunner';
import { GRACE_MS, LOG_FLUSH_MS, MAX_LOGS } from './runSlice';
import { starterDraft } from './workspaceSlice';

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
