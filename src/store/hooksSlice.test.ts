import { describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { HOOK_NAME_RULE } from '../workspace/hookRecord';
import { starterHookDraft } from '../workspace/newHook';
import { pointHookName } from '../workspace/hookNames';
import { hasUnsavedChanges } from '../workspace/draft/sameDraft';
import { selectHook } from './selectors';
import { DEFAULT_CODE_PANE } from '../workspace/codePane';
import { setupWorkspaceStore, storedRecord } from './appStore.testSupport';

const setup = setupWorkspaceStore;

const FIRST = points[0]!.id;
const FIRST_NAME = pointHookName(FIRST);
const PRE = 'pre-user-registration';

const record = storedRecord;

describe('a fresh workspace', () => {
  it('holds one selected hook of the first point with its starter draft', () => {
    const { state } = setup();
    expect(state().hookOrder).toHaveLength(1);
    const only = selectHook(state());
    expect(state().selectedHookId).toBe(only.id);
    expect(state().hookOrder).toEqual([only.id]);
    expect(only).toMatchObject({
      name: FIRST_NAME,
      pointId: FIRST,
      enabled: false,
      storage: {},
      versions: [],
      rev: 0,
    });
    expect(only.draft).toEqual(starterHookDraft(FIRST));
    expect(hasUnsavedChanges(only)).toBe(false);
  });

  it('starts with nothing to undo, no conflict, no problem and the default layout', () => {
    const { state } = setup();
    expect(state()).toMatchObject({
      timeoutMs: 20_000,
      timeoutInput: null,
      codePaneFraction: DEFAULT_CODE_PANE,
      exampleNotice: null,
      deletedHook: null,
      conflicts: [],
      quarantined: [],
      saveProblem: null,
      comparing: null,
    });
  });

  it('gives each store its own hook ids', () => {
    expect(setup().state().selectedHookId).not.toBe(setup().state().selectedHookId);
  });
});

describe('createHook', () => {
  it('adds a hook of the selected hook’s point with its starter, at the end, selected', () => {
    const { state, hook } = setup();
    const first = state().selectedHookId;
    const id = state().createHook();
    expect(id).not.toBe(first);
    expect(state().hookOrder).toEqual([first, id]);
    expect(state().selectedHookId).toBe(id);
    expect(hook(id)).toMatchObject({ pointId: FIRST, enabled: false, versions: [], rev: 0 });
    expect(hook(id).draft).toEqual(starterHookDraft(FIRST));
  });

  it('takes the point it is given, and later hooks follow the selected one', () => {
    const { state, hook } = setup();
    const pre = state().createHook(PRE);
    expect(hook(pre).pointId).toBe(PRE);
    expect(hook(pre).draft).toEqual(starterHookDraft(PRE));
    expect(hook(state().createHook()).pointId).toBe(PRE);
  });

  it('names hooks after their point, numbered from 2 when taken', () => {
    const { state, names } = setup();
    state().createHook();
    state().createHook();
    state().createHook(PRE);
    state().createHook(PRE);
    expect(names()).toEqual([
      FIRST_NAME,
      `${FIRST_NAME} 2`,
      `${FIRST_NAME} 3`,
      'Pre-User Registration',
      'Pre-User Registration 2',
    ]);
  });

  it('skips names taken in another case', () => {
    const { state, hook } = setup();
    const pre = state().createHook(PRE);
    expect(state().renameHook(pre, 'pre-user registration 2')).toBeNull();
    state().createHook(PRE);
    expect(hook(state().selectedHookId).name).toBe('Pre-User Registration');
    expect(hook(state().createHook(PRE)).name).toBe('Pre-User Registration 3');
  });
});

describe('selectHook', () => {
  it('selects a hook and closes a comparison', () => {
    const { state } = setup();
    const first = state().selectedHookId;
    state().saveVersion(first);
    const version = state().hooks[first]!.versions[0]!.id;
    const other = state().createHook();
    state().compareVersion(first, version);
    expect(state()).toMatchObject({
      selectedHookId: first,
      comparing: { hookId: first, versionId: version },
    });
    state().selectHook(other);
    expect(state()).toMatchObject({ selectedHookId: other, comparing: null });
  });

  it('ignores an unknown id and the hook already selected', () => {
    const { store, state } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().selectHook('nope');
    state().selectHook(state().selectedHookId);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('renameHook', () => {
  it('renames to a valid name, trimmed', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    for (const name of ['A', 'My hook', 'deny-sign-ups 2', 'x1-Y2 z3', '  padded  ']) {
      expect(state().renameHook(id, name)).toBeNull();
      expect(hook(id).name).toBe(name.trim());
    }
  });

  it('refuses names that break the rule, with the rule, and keeps the old name', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    for (const name of ['', '   ', '-a', 'a-', 'a_b', 'a.b', 'héllo', 'a\tb', 'emoji 🙂']) {
      expect(state().renameHook(id, name)).toBe(HOOK_NAME_RULE);
      expect(hook(id).name).toBe(FIRST_NAME);
    }
  });

  it('refuses a name another hook has, in any case, and says so', () => {
    const { state, hook } = setup();
    const first = state().selectedHookId;
    const other = state().createHook();
    expect(state().renameHook(other, FIRST_NAME.toUpperCase())).toBe(
      `Another hook is already named ${FIRST_NAME.toUpperCase()}.`,
    );
    expect(hook(other).name).toBe(`${FIRST_NAME} 2`);
    // A hook may change the case of its own name.
    expect(state().renameHook(first, FIRST_NAME.toLowerCase())).toBeNull();
    expect(hook(first).name).toBe(FIRST_NAME.toLowerCase());
  });

  it('does not notify when the name does not change', () => {
    const { store, state } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(state().renameHook(state().selectedHookId, ` ${FIRST_NAME} `)).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('addHooks', () => {
  it('appends the hooks in order and selects the first', () => {
    const { state } = setup();
    const first = state().selectedHookId;
    state().addHooks([record('x'), record('y')]);
    expect(state().hookOrder).toEqual([first, 'x', 'y']);
    expect(state().selectedHookId).toBe('x');
    expect(state().hooks.y).toEqual(record('y'));
  });

  it('changes nothing for no hooks', () => {
    const { store, state } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().addHooks([]);
    expect(listener).not.toHaveBeenCalled();
  });
});
