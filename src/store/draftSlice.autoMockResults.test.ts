import { describe, expect, it } from 'vitest';
import { MAX_AUTO_MOCK_RESULTS } from '../core/inputLimits';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';

function setup() {
  const store = createAppStore({
    runner: createFakeRunner().runner,
    testRunner: createFakeRunner().runner,
  });
  const state = () => store.getState();
  const P = state().createHook('post-user-registration');
  const results = () => state().hooks[P]!.draft.network.autoMockResults;
  return { state, results, P };
}

describe('auto-mock results per hook', () => {
  it('"Set result" adds a rule answering {} for the path, or finds the one already there', () => {
    const { state, results, P } = setup();
    expect(results()).toBeUndefined();
    expect(state().addAutoMockResult(P, 'stripe.customers.create')).toBe(0);
    expect(state().addAutoMockResult(P, '')).toBe(1);
    expect(state().addAutoMockResult(P, 'stripe.customers.create')).toBe(0);
    expect(results()).toEqual([
      { path: 'stripe.customers.create', resultText: '{}' },
      { path: '', resultText: '{}' },
    ]);
    state().updateAutoMockResult(P, 1, { path: '*.charges.create', resultText: '{"id":' });
    expect(results()?.[1]).toEqual({ path: '*.charges.create', resultText: '{"id":' });
    state().removeAutoMockResult(P, 0);
    expect(results()).toEqual([{ path: '*.charges.create', resultText: '{"id":' }]);
    expect(state().addAutoMockResult('no-such-hook', 'x')).toBe(-1);
  });

  it(`refuses a rule beyond ${MAX_AUTO_MOCK_RESULTS}, changing nothing`, () => {
    const { state, results, P } = setup();
    for (let index = 0; index < MAX_AUTO_MOCK_RESULTS; index += 1) {
      state().addAutoMockResult(P, `sdk.m${index}`);
    }
    const before = results();
    expect(before).toHaveLength(MAX_AUTO_MOCK_RESULTS);
    expect(state().addAutoMockResult(P, 'sdk.more')).toBe(-1);
    expect(state().addAutoMockResult(P, '')).toBe(-1);
    expect(results()).toBe(before);
    // An existing path is still found at the limit.
    expect(state().addAutoMockResult(P, 'sdk.m7')).toBe(7);
  });
});
