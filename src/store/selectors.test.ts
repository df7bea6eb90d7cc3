import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { points } from '../core/points';
import {
  IDLE_HINT,
  outcomeStatusText,
  payloadProblem,
  selectCode,
  selectHook,
  selectHookId,
  selectIsRunning,
  selectPayloadProblem,
  selectPayloadText,
  selectPointId,
  selectRun,
  selectSecretRows,
  selectStorage,
  selectTimeoutProblem,
  selectTimeoutText,
} from './selectors';

const newStore = () =>
  createAppStore({ runner: createFakeRunner().runner, testRunner: createFakeRunner().runner });

describe('selected hook selectors', () => {
  it('read the selected hook and follow the selection', () => {
    const store = newStore();
    const state = () => store.getState();
    const first = state().selectedHookId;
    const id = state().createHook('send-phone-message');
    state().setCode(id, 'sms');
    state().setPayloadText(id, '{}');
    const row = state().addSecret(id);
    state().setStorage(id, { data: 1 });
    expect(selectHook(state())).toBe(state().hooks[id]);
    expect(selectHookId(state())).toBe(id);
    expect(selectPointId(state())).toBe('send-phone-message');
    expect(selectCode(state())).toBe('sms');
    expect(selectPayloadText(state())).toBe('{}');
    expect(selectSecretRows(state()).map((secret) => secret.id)).toEqual([row]);
    expect(selectStorage(state())).toEqual({ data: 1 });

    state().selectHook(first);
    expect(selectHookId(state())).toBe(first);
    expect(selectPointId(state())).toBe(points[0]?.id);
    expect(selectSecretRows(state())).toEqual([]);
    expect(selectStorage(state())).toEqual({});
  });

  it('fall back to a hook when the selection names none (never undefined)', () => {
    const store = newStore();
    const only = store.getState().selectedHookId;
    store.setState({ selectedHookId: 'gone' });
    expect(selectHookId(store.getState())).toBe(only);
  });

  it('report whether a run is in flight', () => {
    const store = newStore();
    expect(selectIsRunning(store.getState())).toBe(false);
    store.getState().startRun();
    expect(selectRun(store.getState()).status).toBe('running');
    expect(selectIsRunning(store.getState())).toBe(true);
  });
});

describe('selectPayloadProblem', () => {
  it('is null for every starter payload', () => {
    const store = newStore();
    for (const point of points) {
      store.getState().createHook(point.id);
      expect(selectPointId(store.getState())).toBe(point.id);
      expect(selectPayloadProblem(store.getState())).toBeNull();
    }
  });

  it('names a JSON syntax error', () => {
    const store = newStore();
    store.getState().setPayloadText(store.getState().selectedHookId, '{ "a": ');
    expect(selectPayloadProblem(store.getState())).toMatch(/^Not valid JSON: /);
  });

  it("gives the platform's body validation message", () => {
    const store = newStore();
    const id = store.getState().createHook('pre-user-registration');
    store.getState().setPayloadText(id, '{ "user": 1, "context": {} }');
    expect(selectPayloadProblem(store.getState())).toMatch(/user/);
  });

  it('checks the selected hook’s payload against its own point', () => {
    const store = newStore();
    const state = () => store.getState();
    const text = '{ "user": 1, "context": {} }';
    const broken = state().createHook('pre-user-registration');
    state().setPayloadText(broken, text);
    const fine = state().createHook('pre-user-registration');
    expect(selectPayloadProblem(state())).toBeNull();
    state().selectHook(broken);
    expect(selectPayloadProblem(state())).toBe(payloadProblem('pre-user-registration', text));
    // Same text, other point: the memo must not answer for the wrong point.
    state().setPayloadText(fine, text);
    state().setHookPoint(fine, 'send-phone-message');
    state().selectHook(fine);
    expect(selectPayloadProblem(state())).toBe(payloadProblem('send-phone-message', text));
  });
});

describe('timeout selectors', () => {
  it('show the typed text and its problem until it is valid', () => {
    const store = newStore();
    expect(selectTimeoutText(store.getState())).toBe('20000');
    expect(selectTimeoutProblem(store.getState())).toBeNull();
    store.getState().setTimeoutInput('7');
    expect(selectTimeoutText(store.getState())).toBe('7');
    expect(selectTimeoutProblem(store.getState())).toMatch(/from 50 to 600000/);
  });
});

describe('outcomeStatusText', () => {
  it('words every outcome the way the status line promises', () => {
    expect(IDLE_HINT).toBe('Press Ctrl+Enter to run');
    expect(outcomeStatusText({ status: 'succeeded', durationMs: 3.4 })).toBe('Succeeded in 3 ms');
    expect(
      outcomeStatusText({
        status: 'failed',
        kind: 'thrown',
        error: { name: 'Error', message: 'x' },
        durationMs: 12,
      }),
    ).toBe('Failed in 12 ms');
    expect(
      outcomeStatusText({ status: 'not-started', field: 'payload', message: 'm', durationMs: 0 }),
    ).toBe('Failed in 0 ms');
    expect(outcomeStatusText({ status: 'timed-out', durationMs: 1020 })).toBe(
      'Timed out after 1020 ms',
    );
    expect(outcomeStatusText({ status: 'cancelled', durationMs: 50 })).toBe('Cancelled');
    expect(outcomeStatusText({ status: 'crashed', durationMs: 9, message: 'gone' })).toBe(
      'Sandbox crashed (out of memory?)',
    );
  });
});
