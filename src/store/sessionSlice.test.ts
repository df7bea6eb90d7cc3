import { describe, expect, it } from 'vitest';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { selectHook } from './selectors';

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
