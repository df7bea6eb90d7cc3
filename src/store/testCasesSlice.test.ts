import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpMock } from '../core/networkSchemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { setupRunStore } from './appStore.testSupport';
import { setupConnectedStore } from './fakePersistence.testSupport';

const mock: HttpMock = {
  id: 'm1',
  method: 'GET',
  urlPattern: 'https://api.example.com/*',
  status: 200,
  headers: {},
  body: '{}',
  delayMs: 0,
};

const newTest = (name: string, extra: Partial<TestCase> = {}): Omit<TestCase, 'id'> => ({
  name,
  payloadText: '{ "user": { "email": "a@b.c" } }',
  expectations: { outcome: { status: 'succeeded' } },
  ...extra,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('test CRUD', () => {
  it('saveTest appends the test to the hook with a new id and returns it', () => {
    const { state, byId } = setupRunStore();
    const hookId = state().selectedHookId;
    const first = state().saveTest(hookId, newTest(' First '));
    const second = state().saveTest(hookId, newTest('Second'));
    expect(first).not.toBe(second);
    expect(byId(hookId).tests.map((t) => [t.id, t.name])).toEqual([
      [first, 'First'],
      [second, 'Second'],
    ]);
  });

  it('refuses a test the stored hook could not hold, and stores nothing', () => {
    const { state, byId } = setupRunStore();
    const hookId = state().selectedHookId;
    expect(() => state().saveTest(hookId, newTest(''))).toThrow(/name: A test needs a name/);
    expect(() => state().saveTest(hookId, newTest('x', { payloadText: '{' }))).toThrow(
      /valid JSON/,
    );
    expect(byId(hookId).tests).toEqual([]);
  });

  it('updateTest replaces the test with that id and forgets its outdated result', () => {
    const { state, byId, store } = setupRunStore();
    const hookId = state().selectedHookId;
    const id = state().saveTest(hookId, newTest('Old'));
    const other = state().saveTest(hookId, newTest('Other'));
    store.setState({ testResults: { [id]: { status: 'queued' }, [other]: { status: 'queued' } } });
    state().updateTest(hookId, { ...newTest('New', { payloadText: '{}' }), id });
    expect(byId(hookId).tests.map((t) => [t.name, t.payloadText])).toEqual([
      ['New', '{}'],
      ['Other', '{ "user": { "email": "a@b.c" } }'],
    ]);
    expect(state().testResults).toEqual({ [other]: { status: 'queued' } });
  });

  it('deleteTest removes the test and its result', () => {
    const { state, byId, store } = setupRunStore();
    const hookId = state().selectedHookId;
    const id = state().saveTest(hookId, newTest('Gone'));
    store.setState({ testResults: { [id]: { status: 'queued' } } });
    state().deleteTest(hookId, id);
    expect(byId(hookId).tests).toEqual([]);
    expect(state().testResults).toEqual({});
  });

  it('stores each test change as a change of the hook', () => {
    const { state, persistence, hook } = setupConnectedStore();
    const hookId = state().selectedHookId;
    let now = 1_000_000;
    const edits: Array<() => void> = [
      () => state().saveTest(hookId, newTest('A')),
      () => state().updateTest(hookId, { ...hook(hookId).tests[0]!, name: 'B' }),
      () => state().deleteTest(hookId, hook(hookId).tests[0]!.id),
    ];
    for (const edit of edits) {
      vi.setSystemTime((now += 1000));
      persistence.hookChanged.mockClear();
      edit();
      expect(persistence.hookChanged).toHaveBeenCalledTimes(1);
      expect(persistence.hookChanged).toHaveBeenCalledWith(state().hooks[hookId]);
      expect(hook(hookId).updatedAt).toBe(now);
    }
  });

  it('writes nothing for an update that changes nothing or a test that is not there', () => {
    const { state, hook, writes } = setupConnectedStore();
    const hookId = state().selectedHookId;
    state().saveTest(hookId, newTest('A'));
    const before = writes();
    state().updateTest(hookId, { ...hook(hookId).tests[0]! });
    state().deleteTest(hookId, 'missing');
    state().deleteTest('missing', hook(hookId).tests[0]!.id);
    expect(writes()).toBe(before);
  });
});

describe('loadTestIntoWorkbench', () => {
  it("selects the hook and puts the test's payload and overrides in its draft; the code stays", () => {
    const { state, byId } = setupRunStore();
    const hookId = state().selectedHookId;
    state().setCode(hookId, 'module.exports = (u, c, cb) => cb(null, {});');
    state().addAutoMock(hookId, 'twilio');
    state().setAllowNetwork(hookId, true);
    state().setStorage(hookId, { data: { earlier: true } });
    const testId = state().saveTest(
      hookId,
      newTest('Repro', {
        payloadText: '{ "user": { "email": "x@y.z" } }',
        overrides: {
          secrets: { API_KEY: 'k' },
          httpMocks: [mock],
          moduleMocks: [{ name: 'axios', code: 'module.exports = {};' }],
          timeoutMs: 4000,
        },
      }),
    );
    state().createHook();

    state().loadTestIntoWorkbench(hookId, testId);
    const hook = byId(hookId);
    expect(state().selectedHookId).toBe(hookId);
    expect(hook.draft.code).toBe('module.exports = (u, c, cb) => cb(null, {});');
    expect(hook.draft.payloadText).toBe('{ "user": { "email": "x@y.z" } }');
    expect(hook.draft.secrets.map((row) => [row.name, row.value])).toEqual([['API_KEY', 'k']]);
    expect(hook.draft.network).toEqual({
      mocks: [mock],
      allowNetwork: false,
      moduleMocks: [{ name: 'axios', code: 'module.exports = {};' }],
      autoMocks: ['twilio'],
    });
    // A test's storage is empty unless it sets some.
    expect(hook.storage).toEqual({});
    expect(state().timeoutMs).toBe(4000);
  });

  it("sets the test's storage, and keeps the hook's settings the test does not override", () => {
    const { state, byId } = setupRunStore();
    const hookId = state().selectedHookId;
    const secretId = state().addSecret(hookId);
    state().setSecretName(hookId, secretId, 'OWN');
    const timeout = state().timeoutMs;
    const storage = { data: { count: 2 }, etag: 'e' };
    const testId = state().saveTest(hookId, newTest('Stored', { overrides: { storage } }));
    state().loadTestIntoWorkbench(hookId, testId);
    expect(byId(hookId).storage).toEqual(storage);
    expect(byId(hookId).draft.secrets.map((row) => row.name)).toEqual(['OWN']);
    expect(state().timeoutMs).toBe(timeout);
  });
});
