import { describe, expect, it } from 'vitest';
import { setupRunStore } from './appStore.testSupport';

const setup = setupRunStore;

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

describe('secret values in the outputs', () => {
  it('are masked until shown, and the field reveal does not show them', () => {
    const { state } = setup();
    expect(state().secretValuesShown).toBe(false);
    state().toggleSecretReveal('row');
    expect(state().secretValuesShown).toBe(false);
    state().setSecretValuesShown(true);
    expect(state().secretValuesShown).toBe(true);
    state().setSecretValuesShown(false);
    expect(state().secretValuesShown).toBe(false);
  });
});
