import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './createFakeRunner';
import {
  IDLE_HINT,
  outcomeStatusText,
  selectPayloadProblem,
  selectTimeoutProblem,
  selectTimeoutText,
} from './selectors';

const newStore = () => createAppStore({ runner: createFakeRunner().runner });

describe('selectPayloadProblem', () => {
  it('is null for every starter payload', () => {
    const store = newStore();
    for (const id of Object.keys(store.getState().drafts)) {
      store.getState().selectPoint(id as never);
      expect(selectPayloadProblem(store.getState())).toBeNull();
    }
  });

  it('names a JSON syntax error', () => {
    const store = newStore();
    store.getState().setPayloadText(store.getState().pointId, '{ "a": ');
    expect(selectPayloadProblem(store.getState())).toMatch(/^Not valid JSON: /);
  });

  it("gives the platform's body validation message", () => {
    const store = newStore();
    store.getState().selectPoint('pre-user-registration');
    store.getState().setPayloadText('pre-user-registration', '{ "user": 1, "context": {} }');
    expect(selectPayloadProblem(store.getState())).toMatch(/user/);
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
