import { describe, expect, it } from 'vitest';
import { points } from '../core/points';
import { HOOK_NAME_PATTERN } from '../workspace/hookRecord';
import { starterHookDraft } from '../workspace/newHook';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { pointHookName } from '../workspace/hookNames';
import { setupWorkspaceStore } from './appStore.testSupport';

const setup = setupWorkspaceStore;

const FIRST = points[0]!.id;
const FIRST_NAME = pointHookName(FIRST);
const PRE = 'pre-user-registration';
const POST = 'post-user-registration';

describe('duplicateHook', () => {
  function withContent() {
    const context = setup();
    const { state } = context;
    const source = state().createHook(PRE);
    const last = state().createHook(POST);
    state().setCode(source, 'code');
    state().setPayloadText(source, '{"a":1}');
    const row = state().addSecret(source);
    state().setSecretName(source, row, 'KEY');
    state().setSecretValue(source, row, 'v');
    state().addAutoMock(source, 'twilio');
    state().setDependencies(source, { lodash: 'latest' });
    state().setStorage(source, { data: { n: 1 }, etag: 'e' });
    state().saveVersion(source, 'first');
    state().setHookEnabled(source, true);
    return { ...context, source, last, row };
  }

  it('copies draft, storage and versions under a new id and a "… copy" name', () => {
    const { state, hook, source, row } = withContent();
    const copy = state().duplicateHook(source);
    expect(copy).not.toBe(source);
    expect(hook(copy)).toMatchObject({
      name: 'Pre-User Registration copy',
      pointId: PRE,
      storage: hook(source).storage,
      versions: hook(source).versions,
      rev: 0,
    });
    const { secrets, ...rest } = hook(copy).draft;
    const { secrets: sourceSecrets, ...sourceRest } = hook(source).draft;
    expect(rest).toEqual(sourceRest);
    expect(secrets.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: 'KEY', value: 'v' },
    ]);
    // Secret rows are addressed by id: the copy's rows are its own.
    expect(secrets[0]?.id).not.toBe(row);
    expect(sourceSecrets[0]?.id).toBe(row);
  });

  it('inserts the copy right after its source, selects it and leaves it disabled', () => {
    const { state, hook, source, last } = withContent();
    const first = state().hookOrder[0];
    const copy = state().duplicateHook(source);
    expect(state().hookOrder).toEqual([first, source, copy, last]);
    expect(state().selectedHookId).toBe(copy);
    expect(hook(source).enabled).toBe(true);
    expect(hook(copy).enabled).toBe(false);
  });

  it('numbers further copies', () => {
    const { state, hook, source } = withContent();
    state().duplicateHook(source);
    expect(hook(state().duplicateHook(source)).name).toBe('Pre-User Registration copy 2');
  });

  it('keeps the copy independent of its source', () => {
    const { state, hook, source } = withContent();
    const copy = state().duplicateHook(source);
    state().setCode(copy, 'changed');
    state().setStorage(copy, { data: 'other' });
    state().saveVersion(copy);
    expect(hook(source).draft.code).toBe('code');
    expect(hook(source).storage).toEqual({ data: { n: 1 }, etag: 'e' });
    expect(hook(source).versions).toHaveLength(1);
  });

  it('gives a copy of a long name a name that keeps the rule', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    for (const length of [115, 116, 118, 119, 120]) {
      expect(state().renameHook(id, 'a'.repeat(length))).toBeNull();
      const copy = state().duplicateHook(id);
      expect(hook(copy).name).toMatch(HOOK_NAME_PATTERN);
      state().deleteHook(copy);
      state().selectHook(id);
    }
  });

  it('returns the selected id and changes nothing for an unknown hook', () => {
    const { state } = setup();
    const before = state().hooks;
    expect(state().duplicateHook('nope')).toBe(state().selectedHookId);
    expect(state().hooks).toBe(before);
  });
});

describe('deleteHook and undoDeleteHook', () => {
  function three() {
    const context = setup();
    const a = context.state().selectedHookId;
    const b = context.state().createHook(PRE);
    const c = context.state().createHook(POST);
    return { ...context, a, b, c };
  }

  it('deletes a hook and Undo puts it back in its place, selected as before', () => {
    const { state, a, b, c } = three();
    state().selectHook(b);
    state().setCode(b, 'kept');
    const before = state().hooks[b];
    state().deleteHook(b);
    expect(state().hookOrder).toEqual([a, c]);
    expect(state().hooks[b]).toBeUndefined();
    expect(state().deletedHook).toMatchObject({ index: 1, wasSelected: true });
    expect(state().selectedHookId).toBe(c);

    state().undoDeleteHook();
    expect(state().hookOrder).toEqual([a, b, c]);
    expect(state().hooks[b]).toBe(before);
    expect(state().selectedHookId).toBe(b);
    expect(state().deletedHook).toBeNull();
  });

  it('keeps the selection when the deleted hook was not selected, also through Undo', () => {
    const { state, a, b, c } = three();
    state().selectHook(a);
    state().deleteHook(c);
    expect(state().selectedHookId).toBe(a);
    state().selectHook(b);
    state().undoDeleteHook();
    expect(state().hookOrder).toEqual([a, b, c]);
    expect(state().selectedHookId).toBe(b);
  });

  it('selects the previous hook when the deleted one was last', () => {
    const { state, b, c } = three();
    state().deleteHook(c);
    expect(state().selectedHookId).toBe(b);
  });

  it('keeps only the last deletion for Undo, and Dismiss forgets it', () => {
    const { state, a, b, c } = three();
    state().deleteHook(a);
    state().deleteHook(b);
    state().undoDeleteHook();
    expect(state().hookOrder).toEqual([b, c]);
    state().undoDeleteHook();
    expect(state().hookOrder).toEqual([b, c]);
    state().deleteHook(c);
    state().dismissDeletedHook();
    state().undoDeleteHook();
    expect(state().hookOrder).toEqual([b]);
  });

  it('leaves a fresh starter hook when the last hook is deleted', () => {
    const { state, hook } = setup();
    const only = state().selectedHookId;
    state().setCode(only, 'gone');
    state().deleteHook(only);
    expect(state().hookOrder).toHaveLength(1);
    const fresh = state().selectedHookId;
    expect(fresh).not.toBe(only);
    expect(state().hookOrder).toEqual([fresh]);
    expect(hook(fresh)).toMatchObject({ pointId: FIRST, name: FIRST_NAME });
    expect(hook(fresh).draft).toEqual(starterHookDraft(FIRST));
    state().undoDeleteHook();
    expect(state().hookOrder[0]).toBe(only);
    expect(state().selectedHookId).toBe(only);
    expect(hook(only).draft.code).toBe('gone');
  });

  it('ignores an unknown id', () => {
    const { state } = setup();
    const before = state().hooks;
    state().deleteHook('nope');
    expect(state().hooks).toBe(before);
    expect(state().deletedHook).toBeNull();
  });
});

describe('undo after deleting the last hook', () => {
  it('removes the untouched stand-in and keeps one that was edited', () => {
    const store = createAppStore({
      runner: createFakeRunner().runner,
      testRunner: createFakeRunner().runner,
    });
    const first = store.getState().selectedHookId;
    store.getState().deleteHook(first);
    const standIn = store.getState().selectedHookId;
    expect(standIn).not.toBe(first);
    store.getState().undoDeleteHook();
    expect(store.getState().hookOrder).toEqual([first]);

    store.getState().deleteHook(first);
    const edited = store.getState().selectedHookId;
    store.getState().setCode(edited, '// used');
    store.getState().undoDeleteHook();
    expect(store.getState().hookOrder).toEqual([first, edited]);
    expect(store.getState().selectedHookId).toBe(first);
  });
});
