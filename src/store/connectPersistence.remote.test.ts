import { describe, expect, it } from 'vitest';
import { remoteRecord, setupConnectedStore } from './fakePersistence.testSupport';

const setup = setupConnectedStore;
const remote = remoteRecord;

describe('what persistence reports is applied, not written back', () => {
  it('remote-hook replaces or adds a hook', () => {
    const { state, emit, writes } = setup();
    const first = state().selectedHookId;
    const theirs = { ...state().hooks[first]!, name: 'Changed elsewhere', rev: 3 };
    emit({ type: 'remote-hook', record: theirs });
    expect(state().hooks[first]).toBe(theirs);
    const added = remote('other');
    emit({ type: 'remote-hook', record: added });
    expect(state().hooks.other).toBe(added);
    expect(state().hookOrder).toEqual([first, 'other']);
    expect(writes()).toBe(0);
  });

  it('remote-delete removes a hook', () => {
    const { state, emit, writes } = setup();
    const first = state().selectedHookId;
    emit({ type: 'remote-hook', record: remote('other') });
    emit({ type: 'remote-delete', id: 'other' });
    expect(state().hookOrder).toEqual([first]);
    expect(writes()).toBe(0);
  });

  it('saved records the revision', () => {
    const { state, emit, writes } = setup();
    const id = state().selectedHookId;
    emit({ type: 'saved', id, rev: 7 });
    expect(state().hooks[id]?.rev).toBe(7);
    expect(writes()).toBe(0);
  });

  it('a later local edit is written with the revision persistence reported', () => {
    const { state, hook, emit, persistence } = setup();
    const id = state().selectedHookId;
    emit({ type: 'saved', id, rev: 2 });
    state().setCode(id, 'next');
    expect(persistence.hookChanged).toHaveBeenCalledWith(hook(id));
    expect(hook(id).rev).toBe(2);
  });

  it('conflict lands in state.conflicts, and nothing is written', () => {
    const { state, emit, writes } = setup();
    const id = state().selectedHookId;
    const mine = state().hooks[id]!;
    const theirs = { ...mine, name: 'Theirs', rev: 4 };
    emit({ type: 'conflict', mine, theirs });
    expect(state().conflicts).toEqual([{ id, mine, theirs }]);
    expect(state().hooks[id]).toBe(mine);
    expect(writes()).toBe(0);
  });

  it('error sets the save problem, and a later save clears it', () => {
    const { state, emit } = setup();
    const id = state().selectedHookId;
    emit({ type: 'error', kind: 'quota', message: 'The browser’s storage is full' });
    expect(state().saveProblem).toEqual({
      kind: 'quota',
      message: 'The browser’s storage is full',
    });
    emit({ type: 'saved', id, rev: 1 });
    expect(state().saveProblem).toBeNull();
  });

  it('local edits are written again after an applied change', () => {
    const { state, emit, persistence } = setup();
    emit({ type: 'remote-hook', record: remote('other') });
    state().setCode('other', 'mine now');
    expect(persistence.hookChanged).toHaveBeenCalledTimes(1);
    expect(persistence.hookChanged.mock.calls[0]?.[0]).toMatchObject({
      id: 'other',
      rev: 1,
      draft: { code: 'mine now' },
    });
  });
});

describe('resolving a conflict', () => {
  function conflicted(theirsDeleted = false) {
    const context = setup();
    const { state, emit, persistence } = context;
    const id = state().selectedHookId;
    emit({ type: 'saved', id, rev: 1 });
    state().setCode(id, 'mine');
    const mine = state().hooks[id]!;
    const theirs = theirsDeleted
      ? null
      : { ...mine, draft: { ...mine.draft, code: 'theirs' }, rev: 2 };
    emit({ type: 'conflict', mine, theirs });
    persistence.hookChanged.mockClear();
    persistence.settingsChanged.mockClear();
    return { ...context, id, mine, theirs };
  }

  it('keep-mine forces this tab’s hook over theirs', () => {
    const { state, hook, connection, persistence, id, mine } = conflicted();
    connection.resolveConflict(id, 'keep-mine');
    expect(hook(id)).toEqual({ ...mine, rev: 2 });
    expect(persistence.forceHook).toHaveBeenCalledTimes(1);
    expect(persistence.forceHook).toHaveBeenCalledWith(hook(id));
    expect(persistence.hookChanged).not.toHaveBeenCalled();
    expect(state().conflicts).toEqual([]);
  });

  it('keep-mine of a deleted hook forces it back', () => {
    const { state, hook, connection, persistence, id, mine } = conflicted(true);
    connection.resolveConflict(id, 'keep-mine');
    expect(hook(id)).toEqual(mine);
    expect(persistence.forceHook).toHaveBeenCalledWith(mine);
    expect(state().conflicts).toEqual([]);
  });

  it('use-theirs applies theirs without writing anything', () => {
    const { state, hook, connection, persistence, id, theirs } = conflicted();
    connection.resolveConflict(id, 'use-theirs');
    expect(hook(id)).toBe(theirs);
    expect(persistence.hookChanged).not.toHaveBeenCalled();
    expect(persistence.forceHook).not.toHaveBeenCalled();
    expect(persistence.hookDeleted).not.toHaveBeenCalled();
    expect(state().conflicts).toEqual([]);
  });

  it('use-theirs of a deletion removes the hook without deleting it again', () => {
    const { state, connection, persistence, id } = conflicted(true);
    connection.resolveConflict(id, 'use-theirs');
    expect(state().hooks[id]).toBeUndefined();
    expect(persistence.hookDeleted).not.toHaveBeenCalled();
  });

  it('keep-both writes the copy of mine, and not theirs', () => {
    const { state, hook, connection, persistence, id, theirs } = conflicted();
    connection.resolveConflict(id, 'keep-both');
    expect(hook(id)).toBe(theirs);
    const copy = state().selectedHookId;
    expect(copy).not.toBe(id);
    expect(hook(copy).draft.code).toBe('mine');
    expect(persistence.hookChanged).toHaveBeenCalledTimes(1);
    expect(persistence.hookChanged).toHaveBeenCalledWith(hook(copy));
    expect(persistence.forceHook).not.toHaveBeenCalled();
    // The copy is selected: the selection is a setting.
    expect(persistence.settingsChanged).toHaveBeenLastCalledWith(
      expect.objectContaining({ selectedHookId: copy }),
    );
    expect(state().conflicts).toEqual([]);
  });

  it('ignores a hook without a conflict', () => {
    const { state, connection, writes } = conflicted();
    const before = writes();
    connection.resolveConflict('nope', 'keep-mine');
    expect(writes()).toBe(before);
    expect(state().conflicts).toHaveLength(1);
  });

  it('keep-mine keeps the edits made while the conflict was shown', () => {
    const { state, hook, connection, persistence, id } = conflicted();
    state().setCode(id, 'mine, edited after the conflict');
    connection.resolveConflict(id, 'keep-mine');
    expect(hook(id).draft.code).toBe('mine, edited after the conflict');
    expect(persistence.forceHook).toHaveBeenLastCalledWith(
      expect.objectContaining({
        draft: expect.objectContaining({ code: 'mine, edited after the conflict' }),
      }),
    );
  });

  it('does not write edits of a conflicted hook over theirs before the user chose', () => {
    const { state, connection, persistence, id } = conflicted();
    state().setCode(id, 'typed while the notice is shown');
    expect(persistence.hookChanged).not.toHaveBeenCalled();
    connection.resolveConflict(id, 'keep-mine');
    expect(persistence.forceHook).toHaveBeenCalledTimes(1);
  });
});
