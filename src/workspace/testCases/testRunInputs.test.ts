import { describe, expect, test } from 'vitest';
import type { HttpMock } from '../../core/networkSchemas';
import type { HookRecord } from '../hookRecord';
import { runInputsOf } from '../run/runInputs';
import { testRunInputs } from './testRunInputs';

const mock = (id: string, urlPattern: string): HttpMock => ({
  id,
  method: 'GET',
  urlPattern,
  status: 200,
  headers: {},
  body: '{}',
  delayMs: 0,
});

const hook: Pick<HookRecord, 'pointId' | 'draft'> = {
  pointId: 'pre-user-registration',
  draft: {
    code: 'module.exports = (u, c, cb) => cb(null, {});',
    payloadText: '{ "user": { "email": "hook@example.com" } }',
    secrets: [
      { id: 's1', name: 'API_KEY', value: 'hook-key' },
      { id: 's2', name: 'REGION', value: 'eu' },
    ],
    network: {
      mocks: [mock('m1', 'https://billing.example.com/*')],
      allowNetwork: true,
      moduleMocks: [{ name: 'stripe', code: 'module.exports = {};' }],
      autoMocks: ['twilio'],
    },
    dependencies: {},
  },
};

const payloadText = '{\n  "user": { "email": "test@example.com" }\n}';

describe('testRunInputs', () => {
  test("without overrides: the hook's code and settings, the test's payload, empty storage", () => {
    const own = runInputsOf(hook);
    expect(testRunInputs(hook, { payloadText })).toEqual({
      inputs: { ...own, payloadText, network: { ...own.network, allowNetwork: false } },
      storage: {},
      timeoutMs: undefined,
    });
  });

  test("each override replaces the hook's setting whole; the others stay the hook's", () => {
    const { inputs } = testRunInputs(hook, {
      payloadText,
      overrides: { secrets: { API_KEY: 'test-key' }, httpMocks: [] },
    });
    expect(inputs.secrets).toEqual([['API_KEY', 'test-key']]);
    expect(inputs.network).toEqual({
      mocks: [],
      allowNetwork: false,
      moduleMocks: hook.draft.network.moduleMocks,
      autoMocks: ['twilio'],
    });
  });

  test('module mocks, auto-mocks, storage and timeout come from the test when it sets them', () => {
    const storage = { data: { signups: 1 }, etag: 'e1' };
    const moduleMocks = [{ name: 'axios', code: 'module.exports = () => 1;' }];
    const result = testRunInputs(hook, {
      payloadText,
      overrides: {
        httpMocks: [mock('t1', 'https://other.example.com/')],
        moduleMocks,
        autoMocks: [],
        storage,
        timeoutMs: 3000,
      },
    });
    expect(result.inputs.network).toEqual({
      mocks: [mock('t1', 'https://other.example.com/')],
      allowNetwork: false,
      moduleMocks,
      autoMocks: [],
    });
    expect(result.inputs.secrets).toEqual([
      ['API_KEY', 'hook-key'],
      ['REGION', 'eu'],
    ]);
    expect(result.storage).toEqual(storage);
    expect(result.timeoutMs).toBe(3000);
  });

  test("the code and point are always the hook's draft, whatever the test", () => {
    const { inputs } = testRunInputs(hook, { payloadText: '{}', overrides: {} });
    expect(inputs.code).toBe(hook.draft.code);
    expect(inputs.pointId).toBe('pre-user-registration');
    expect(inputs.payloadText).toBe('{}');
  });
});

describe('testRunInputs for the Action', () => {
  const action = {
    code: 'exports.onExecutePreUserRegistration = async () => {};',
    dependencies: {},
    notes: [],
  };
  const ported = { ...hook, draft: { ...hook.draft, action } };
  const overrides = { secrets: { API_KEY: 'test-key' }, storage: { data: 1 }, timeoutMs: 900 };

  test("runs the Action draft's code as an Action, with the same payload and overrides", () => {
    const onHook = testRunInputs(ported, { payloadText, overrides });
    const onAction = testRunInputs(ported, { payloadText, overrides }, 'action');
    expect(onAction).toEqual({
      ...onHook,
      inputs: { ...onHook.inputs, code: action.code, kind: 'action' },
    });
    expect(onHook.inputs.kind).toBe('hook');
  });

  test('marks the Action of a hook that has no Action draft, so the run is refused', () => {
    expect(testRunInputs(hook, { payloadText }, 'action').inputs).toMatchObject({
      kind: 'action',
      noAction: true,
    });
  });
});
