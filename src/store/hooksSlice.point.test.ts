import { describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { starterHookDraft } from '../workspace/newHook';
import { pointHookName } from '../workspace/hookNames';
import { setupWorkspaceStore } from './appStore.testSupport';

const setup = setupWorkspaceStore;

const FIRST = points[0]!.id;
const FIRST_NAME = pointHookName(FIRST);
const PRE = 'pre-user-registration';
const POST = 'post-user-registration';

describe('enabling', () => {
  it('enables and disables a hook', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    expect(state().setHookEnabled(id, true)).toEqual({ ok: true });
    expect(hook(id).enabled).toBe(true);
    expect(state().setHookEnabled(id, false)).toEqual({ ok: true });
    expect(hook(id).enabled).toBe(false);
  });

  it('refuses a second enabled hook of a point and names the enabled one', () => {
    const { store, state, hook } = setup();
    const a = state().selectedHookId;
    const b = state().createHook();
    const other = state().createHook(PRE);
    state().setHookEnabled(a, true);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(state().setHookEnabled(b, true)).toEqual({ ok: false, enabledHook: hook(a) });
    expect(listener).not.toHaveBeenCalled();
    expect(hook(b).enabled).toBe(false);
    // Another point is not affected.
    expect(state().setHookEnabled(other, true)).toEqual({ ok: true });
    // Enabling the enabled hook again is fine.
    expect(state().setHookEnabled(a, true)).toEqual({ ok: true });
  });

  it('enableHookExclusively swaps the point’s enabled hook', () => {
    const { state, hook } = setup();
    const a = state().selectedHookId;
    const b = state().createHook();
    const other = state().createHook(PRE);
    state().setHookEnabled(a, true);
    state().setHookEnabled(other, true);
    state().enableHookExclusively(b);
    expect(hook(a).enabled).toBe(false);
    expect(hook(b).enabled).toBe(true);
    expect(hook(other).enabled).toBe(true);
  });
});

describe('setHookPoint', () => {
  it('swaps an unmodified starter for the new point’s, and renames an auto-named hook', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().setHookPoint(id, PRE);
    expect(hook(id)).toMatchObject({ pointId: PRE, name: 'Pre-User Registration' });
    expect(hook(id).draft).toEqual(starterHookDraft(PRE));
  });

  it('keeps modified code and payload, each on its own', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().setCode(id, 'mine');
    state().setHookPoint(id, PRE);
    expect(hook(id).draft).toMatchObject({
      code: 'mine',
      payloadText: starterHookDraft(PRE).payloadText,
    });
    state().setCode(id, starterHookDraft(PRE).code);
    state().setPayloadText(id, '{}');
    state().setHookPoint(id, POST);
    expect(hook(id).draft).toMatchObject({
      code: starterHookDraft(POST).code,
      payloadText: '{}',
    });
  });

  it('keeps secrets, network settings, dependencies and storage', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().addSecret(id);
    state().setAllowNetwork(id, true);
    state().setDependencies(id, { a: '1' });
    state().setStorage(id, { data: 1 });
    const before = hook(id);
    state().setHookPoint(id, PRE);
    expect(hook(id).draft.secrets).toBe(before.draft.secrets);
    expect(hook(id).draft.network).toBe(before.draft.network);
    expect(hook(id).draft.dependencies).toBe(before.draft.dependencies);
    expect(hook(id).storage).toBe(before.storage);
  });

  it('gives an auto-named hook a unique name of the new point, and keeps a chosen name', () => {
    const { state, hook } = setup();
    state().createHook(PRE);
    const numbered = state().createHook(FIRST);
    expect(hook(numbered).name).toBe(`${FIRST_NAME} 2`);
    state().setHookPoint(numbered, PRE);
    expect(hook(numbered).name).toBe('Pre-User Registration 2');
    const named = state().createHook(FIRST);
    state().renameHook(named, 'My exchange');
    state().setHookPoint(named, PRE);
    expect(hook(named).name).toBe('My exchange');
  });

  it('disables an enabled hook moving onto a point that has an enabled hook', () => {
    const { state, hook } = setup();
    const a = state().selectedHookId;
    const pre = state().createHook(PRE);
    state().setHookEnabled(a, true);
    state().setHookEnabled(pre, true);
    state().setHookPoint(a, PRE);
    expect(hook(a).enabled).toBe(false);
    expect(hook(pre).enabled).toBe(true);
    const post = state().createHook(POST);
    state().setHookEnabled(post, true);
    state().setHookPoint(post, FIRST);
    expect(hook(post).enabled).toBe(true);
  });

  it('does nothing for the hook’s own point', () => {
    const { store, state } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().setHookPoint(state().selectedHookId, FIRST);
    expect(listener).not.toHaveBeenCalled();
  });
});
