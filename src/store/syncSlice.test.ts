import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CODE_PANE } from '../workspace/codePane';
import { setupWorkspaceStore, storedRecord } from './appStore.testSupport';

const setup = setupWorkspaceStore;

const PRE = 'pre-user-registration';
const POST = 'post-user-registration';

const record = storedRecord;

describe('stored changes', () => {
  it('applyStoredHook replaces a hook as stored, or adds it at the end, without selecting it', () => {
    const { state } = setup();
    const first = state().selectedHookId;
    const theirs = { ...state().hooks[first]!, name: 'Renamed elsewhere', rev: 4, updatedAt: 7 };
    state().applyStoredHook(theirs);
    expect(state().hooks[first]).toBe(theirs);
    const added = record('hook-from-other-tab');
    state().applyStoredHook(added);
    expect(state().hookOrder).toEqual([first, added.id]);
    expect(state().hooks[added.id]).toBe(added);
    expect(state().selectedHookId).toBe(first);
  });

  it('applyStoredDelete removes a hook, moving the selection; the last leaves a fresh one', () => {
    const { state } = setup();
    const first = state().selectedHookId;
    const second = state().createHook();
    state().applyStoredDelete(second);
    expect(state().hookOrder).toEqual([first]);
    expect(state().selectedHookId).toBe(first);
    expect(state().deletedHook).toBeNull();
    state().applyStoredDelete(first);
    expect(state().hookOrder).toHaveLength(1);
    expect(state().selectedHookId).not.toBe(first);
    state().applyStoredDelete('nope');
    expect(state().hookOrder).toHaveLength(1);
  });

  it('setStoredRev sets only the revision', () => {
    const { store, state } = setup();
    const id = state().selectedHookId;
    const before = state().hooks[id]!;
    state().setStoredRev(id, 3);
    expect(state().hooks[id]).toEqual({ ...before, rev: 3 });
    const listener = vi.fn();
    store.subscribe(listener);
    state().setStoredRev(id, 3);
    state().setStoredRev('nope', 1);
    expect(listener).not.toHaveBeenCalled();
  });

  it('addConflict keeps one conflict per hook, the latest', () => {
    const { state } = setup();
    const mine = record('h1');
    state().addConflict({ id: 'h1', mine, theirs: null });
    state().addConflict({ id: 'h2', mine: record('h2'), theirs: null });
    const theirs = record('h1', { rev: 2 });
    state().addConflict({ id: 'h1', mine, theirs });
    expect(state().conflicts.map((conflict) => [conflict.id, conflict.theirs])).toEqual([
      ['h2', null],
      ['h1', theirs],
    ]);
  });

  it('setSaveProblem and dismissQuarantine', () => {
    const { state } = setup();
    state().setSaveProblem({ kind: 'quota', message: 'full' });
    expect(state().saveProblem).toEqual({ kind: 'quota', message: 'full' });
    state().setSaveProblem(null);
    expect(state().saveProblem).toBeNull();
    state().hydrate({ hooks: [], settings: null, quarantined: [{ key: 'k', error: 'e' }] });
    expect(state().quarantined).toEqual([{ key: 'k', error: 'e' }]);
    state().dismissQuarantine();
    expect(state().quarantined).toEqual([]);
  });
});

describe('resolveConflict', () => {
  /** A hook this tab edited, and what another tab stored meanwhile. */
  function conflicted(theirsDeleted = false) {
    const context = setup();
    const { state } = context;
    const first = state().selectedHookId;
    const id = state().createHook(PRE);
    state().setStoredRev(id, 1);
    state().setCode(id, 'mine');
    const last = state().createHook(POST);
    state().selectHook(id);
    const mine = state().hooks[id]!;
    const theirs = theirsDeleted
      ? null
      : { ...mine, draft: { ...mine.draft, code: 'theirs' }, rev: 2 };
    state().addConflict({ id, mine, theirs });
    return { ...context, first, id, last, mine, theirs };
  }

  it('keep-mine keeps this tab’s hook, to be written over theirs', () => {
    const { state, hook, id, mine } = conflicted();
    state().resolveConflict(id, 'keep-mine');
    expect(hook(id)).toEqual({ ...mine, rev: 2 });
    expect(state().conflicts).toEqual([]);
  });

  it('keep-mine brings back a hook the other tab deleted', () => {
    const { state, hook, id, mine } = conflicted(true);
    state().applyStoredDelete(id);
    state().resolveConflict(id, 'keep-mine');
    expect(hook(id)).toEqual(mine);
    expect(state().hookOrder).toContain(id);
  });

  it('use-theirs takes what the other tab stored', () => {
    const { state, hook, id, theirs } = conflicted();
    state().resolveConflict(id, 'use-theirs');
    expect(hook(id)).toBe(theirs);
    expect(state().conflicts).toEqual([]);
  });

  it('use-theirs of a deletion deletes the hook', () => {
    const { state, first, id, last } = conflicted(true);
    state().resolveConflict(id, 'use-theirs');
    expect(state().hooks[id]).toBeUndefined();
    expect(state().hookOrder).toEqual([first, last]);
  });

  it('keep-both takes theirs and adds this tab’s draft as a copy after it, selected', () => {
    const { state, hook, first, id, last, theirs } = conflicted();
    state().resolveConflict(id, 'keep-both');
    expect(hook(id)).toBe(theirs);
    const copy = state().hookOrder[2]!;
    expect(state().hookOrder).toEqual([first, id, copy, last]);
    expect(state().selectedHookId).toBe(copy);
    expect(hook(copy)).toMatchObject({
      name: 'Pre-User Registration copy',
      pointId: PRE,
      draft: { code: 'mine' },
      rev: 0,
    });
  });

  it('keep-both of a deletion keeps this tab’s draft as a new hook', () => {
    const { state, hook, id } = conflicted(true);
    state().resolveConflict(id, 'keep-both');
    expect(state().hooks[id]).toBeUndefined();
    const copy = state().selectedHookId;
    expect(hook(copy).draft.code).toBe('mine');
  });

  it('ignores a hook without a conflict', () => {
    const { state } = conflicted();
    const before = state().hooks;
    state().resolveConflict('nope', 'keep-both');
    expect(state().hooks).toBe(before);
    expect(state().conflicts).toHaveLength(1);
  });
});

describe('hydrate', () => {
  const settings = { selectedHookId: 'b', timeoutMs: 3000, codePaneFraction: 0.3 };

  it('replaces the hooks with the stored ones, oldest first, selecting the stored selection', () => {
    const { state } = setup();
    const a = record('a', { createdAt: 2 });
    const b = record('b', { createdAt: 3 });
    const c = record('c', { createdAt: 1 });
    state().hydrate({ hooks: [a, b, c], settings });
    expect(state().hookOrder).toEqual(['c', 'a', 'b']);
    expect(state().hooks).toEqual({ a, b, c });
    expect(state()).toMatchObject({
      selectedHookId: 'b',
      timeoutMs: 3000,
      timeoutInput: null,
      codePaneFraction: 0.3,
    });
  });

  it('selects the first hook when the stored selection is missing or unknown', () => {
    const { state } = setup();
    const hooks = [record('a', { createdAt: 2 }), record('b', { createdAt: 1 })];
    state().hydrate({ hooks, settings: { ...settings, selectedHookId: 'gone' } });
    expect(state().selectedHookId).toBe('b');
    state().hydrate({ hooks, settings: null });
    expect(state().selectedHookId).toBe('b');
    state().hydrate({ hooks, settings: { ...settings, selectedHookId: null } });
    expect(state().selectedHookId).toBe('b');
  });

  it('keeps the fresh hook when nothing is stored, but takes the settings', () => {
    const { state } = setup();
    const fresh = state().selectedHookId;
    const hooks = state().hooks;
    state().setTimeoutInput('x');
    state().hydrate({ hooks: [], settings: { ...settings, codePaneFraction: 1 } });
    expect(state().hooks).toBe(hooks);
    expect(state().selectedHookId).toBe(fresh);
    expect(state()).toMatchObject({ timeoutMs: 3000, timeoutInput: null, codePaneFraction: 0.8 });
  });

  it('keeps the defaults without settings and reports quarantined records', () => {
    const { state } = setup();
    state().hydrate({
      hooks: [record('a')],
      settings: null,
      quarantined: [{ key: 'hook:x', error: 'bad' }],
    });
    expect(state()).toMatchObject({
      timeoutMs: 20_000,
      codePaneFraction: DEFAULT_CODE_PANE,
      quarantined: [{ key: 'hook:x', error: 'bad' }],
    });
  });
});
