import { describe, expect, it } from 'vitest';
import type { HookExample } from '../core/examples';
import { starterHookDraft as starterDraft } from '../workspace/newHook';
import { setupRunStore } from './appStore.testSupport';

const setup = setupRunStore;

const EMPTY_NETWORK_DRAFT = { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] };

const EXAMPLE: HookExample = {
  id: 'vip',
  point: 'pre-user-registration',
  title: 'Mark VIPs',
  description: 'Adds app_metadata.vip',
  code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
  payload: { user: { email: 'a@b.c' }, context: {} },
  secrets: { API_KEY: 'k' },
  storage: { data: { seen: 1 } },
  timeoutMs: 5000,
  expected: 'Succeeds; the merged user gets app_metadata.vip',
};

describe('examples', () => {
  it('loads an example as a new, selected hook without running it and shows what to expect', () => {
    const { state, runs, hook } = setup();
    const before = state().selectedHookId;
    state().loadExample(EXAMPLE);
    expect(runs).toHaveLength(0);
    expect(state().run.status).toBe('idle');
    expect(state().hookOrder).toEqual([before, hook().id]);
    expect(hook()).toMatchObject({
      pointId: 'pre-user-registration',
      name: 'Mark VIPs',
      enabled: false,
      storage: { data: { seen: 1 } },
    });
    const draft = hook().draft;
    expect(draft.code).toBe(EXAMPLE.code);
    expect(draft.payloadText).toBe(JSON.stringify(EXAMPLE.payload, null, 2));
    expect(draft.secrets.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'API_KEY', value: 'k' },
    ]);
    expect(draft.network).toEqual(EMPTY_NETWORK_DRAFT);
    expect(state().timeoutMs).toBe(5000);
    expect(state().exampleNotice).toMatchObject({
      title: 'Mark VIPs',
      expected: 'Succeeds; the merged user gets app_metadata.vip',
      hookId: hook().id,
      previousHookId: before,
    });
  });

  it('uses the point’s default payload, no secrets, empty storage and the default timeout when the example has none', () => {
    const { state, hook } = setup();
    state().setTimeoutInput('777');
    const { payload: _p, secrets: _s, storage: _st, timeoutMs: _t, ...bare } = EXAMPLE;
    state().loadExample(bare);
    expect(hook().draft.payloadText).toBe(starterDraft('pre-user-registration').payloadText);
    expect(hook().draft.secrets).toEqual([]);
    expect(hook().storage).toEqual({});
    expect(state().timeoutMs).toBe(20_000);
  });

  it('never touches an existing hook of the example’s point', () => {
    const { state, byId } = setup();
    const mine = state().createHook('pre-user-registration');
    state().setCode(mine, 'mine');
    state().setStorage(mine, { data: { mine: true } });
    const before = byId(mine);
    state().loadExample(EXAMPLE);
    expect(byId(mine)).toBe(before);
  });

  it('names example hooks uniquely', () => {
    const { state, hook } = setup();
    state().loadExample(EXAMPLE);
    state().loadExample(EXAMPLE);
    expect(hook().name).toBe('Mark VIPs 2');
  });

  it('Undo removes the example’s hook and restores the selection and timeout', () => {
    const { state, byId } = setup();
    const first = state().selectedHookId;
    const mine = state().createHook('send-phone-message');
    state().setCode(mine, 'mine');
    state().selectHook(first);
    state().setTimeoutInput('12');
    const hooksBefore = state().hooks;
    const orderBefore = state().hookOrder;

    state().loadExample(EXAMPLE);
    const exampleHook = state().selectedHookId;
    state().undoExample();
    expect(state().hooks[exampleHook]).toBeUndefined();
    expect(state().hooks).toEqual(hooksBefore);
    expect(state().hookOrder).toEqual(orderBefore);
    expect(byId(mine).draft.code).toBe('mine');
    expect(state().selectedHookId).toBe(first);
    expect(state()).toMatchObject({ timeoutMs: 20_000, timeoutInput: '12' });
    expect(state().exampleNotice).toBeNull();
  });

  it('Undo after two loads removes only the second example’s hook', () => {
    const { state, hook } = setup();
    state().loadExample(EXAMPLE);
    const firstExample = state().selectedHookId;
    state().loadExample({ ...EXAMPLE, title: 'Second', code: 'second' });
    state().undoExample();
    expect(state().hookOrder).toHaveLength(2);
    expect(hook().id).toBe(firstExample);
    expect(hook().draft.code).toBe(EXAMPLE.code);
    expect(state().timeoutMs).toBe(5000);
  });

  it('dismissing the notice keeps the example’s hook', () => {
    const { state } = setup();
    state().loadExample(EXAMPLE);
    const id = state().selectedHookId;
    state().dismissExampleNotice();
    state().undoExample();
    expect(state().hooks[id]).toBeDefined();
    expect(state().exampleNotice).toBeNull();
  });
});

describe('openSharedWork', () => {
  const work = { point: 'send-phone-message' as const, name: 'Shared SMS', code: 'c', payload: {} };

  it('opening the same link again selects the hook it made instead of adding a copy', () => {
    const { state } = setup();
    const first = state().openSharedWork(work, 'link-1');
    expect(first.reopened).toBe(false);
    state().setCode(first.hookId, 'edited since');
    const other = state().createHook('pre-user-registration');
    expect(state().selectedHookId).toBe(other);

    const again = state().openSharedWork(work, 'link-1');
    expect(again).toEqual({ hookId: first.hookId, reopened: true });
    expect(state().selectedHookId).toBe(first.hookId);
    expect(state().hooks[first.hookId]?.draft.code).toBe('edited since');
    expect(state().hookOrder).toHaveLength(3);

    const another = state().openSharedWork(work, 'link-2');
    expect(another.reopened).toBe(false);
    expect(state().hookOrder).toHaveLength(4);
  });

  it('a duplicate of an opened hook is not the link’s hook', () => {
    const { state } = setup();
    const { hookId } = state().openSharedWork(work, 'link-1');
    const copy = state().duplicateHook(hookId);
    expect(state().hooks[copy]?.openedFrom).toBeUndefined();
    expect(state().hooks[hookId]?.openedFrom).toBe('link-1');
  });
});
