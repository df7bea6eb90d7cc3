import { describe, expect, it } from 'vitest';
import { MAX_AUTO_MOCKS, MAX_HTTP_MOCKS, MAX_MODULE_MOCKS, MAX_SECRETS } from '../core/inputLimits';
import { setupRunStore } from './appStore.testSupport';

// Editing never makes a record the schema would refuse: adds stop at the limits.
describe('adding rows stops at the input limits', () => {
  it(`secrets: the ${MAX_SECRETS}th is added, the next is not`, () => {
    const { state, byId } = setupRunStore();
    const id = state().selectedHookId;
    for (let i = 0; i < MAX_SECRETS; i += 1) state().addSecret(id);
    expect(byId(id).draft.secrets).toHaveLength(MAX_SECRETS);
    state().addSecret(id);
    expect(byId(id).draft.secrets).toHaveLength(MAX_SECRETS);
  });

  it(`HTTP mocks, module mocks and auto-mocks: at most ${MAX_HTTP_MOCKS}, ${MAX_MODULE_MOCKS}, ${MAX_AUTO_MOCKS}`, () => {
    const { state, byId } = setupRunStore();
    const id = state().selectedHookId;
    for (let i = 0; i <= MAX_HTTP_MOCKS; i += 1) state().addHttpMock(id);
    for (let i = 0; i <= MAX_MODULE_MOCKS; i += 1) state().addModuleMock(id, `mod-${i}`);
    for (let i = 0; i <= MAX_AUTO_MOCKS; i += 1) state().addAutoMock(id, `sdk-${i}`);
    const network = byId(id).draft.network;
    expect(network.mocks).toHaveLength(MAX_HTTP_MOCKS);
    expect(network.moduleMocks).toHaveLength(MAX_MODULE_MOCKS);
    expect(network.autoMocks).toHaveLength(MAX_AUTO_MOCKS);
    expect(network.autoMocks.at(-1)).toBe(`sdk-${MAX_AUTO_MOCKS - 1}`);
  });
});
