import { afterEach, describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { HOOK_NAME_PATTERN, HOOK_NAME_RULE, type HookRecord } from '../workspace/hookRecord';
import { newHook, starterHookDraft } from '../workspace/newHook';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { pointHookName } from '../workspace/hookNames';
import { hasUnsavedChanges } from '../workspace/draft/sameDraft';
import { selectHook } from './selectors';
import { DEFAULT_CODE_PANE } from '../workspace/codePane';

function setup() {
  const store = createAppStore({ runner: createFakeRunner().runner });
  const state = () => store.getState();
  const hook = (id: string): HookRecord => {
    const found = state().hooks[id];
    if (!found) throw new Error(`no hook ${id}`);
    return found;
  };
  const names = () => state().hookOrder.map((id) => hook(id).name);
  return { store, state, hook, names };
}

const FIRST = points[0]!.id;
const FIRST_NAME = pointHookName(FIRST);
const PRE = 'pre-user-registration';
const POST = 'post-user-registration';

/** A stored record as another tab or the database would hold it. */
const record = (id: string, extra: Partial<HookRecord> = {}): HookRecord => ({
  ...newHook({ id, pointId: PRE, name: id, now: 100 }),
  ...extra,
});

afterEach(() => vi.useRealTimers());

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

describe('versions', () => {
  it('saveVersion freezes the draft: editing afterwards does not change the version', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(5000);
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().setCode(id, 'v1');
    const row = state().addSecret(id);
    state().setSecretName(id, row, 'K');
    state().saveVersion(id, '  first  ');
    const [version] = hook(id).versions;
    expect(version).toEqual({
      id: expect.any(String),
      savedAt: 5000,
      message: 'first',
      pointId: FIRST,
      draft: hook(id).draft,
    });
    const frozen = structuredClone(version);
    state().setCode(id, 'v2');
    state().setSecretValue(id, row, 'changed');
    state().addHttpMock(id);
    state().setHookPoint(id, PRE);
    expect(hook(id).versions).toEqual([frozen]);
  });

  it('saves with an empty message when none is given, oldest first', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().saveVersion(id);
    state().setCode(id, 'later');
    state().saveVersion(id, 'second');
    expect(hook(id).versions.map((version) => version.message)).toEqual(['', 'second']);
    expect(hook(id).versions.map((version) => version.draft.code)).toEqual([
      starterHookDraft(FIRST).code,
      'later',
    ]);
    expect(new Set(hook(id).versions.map((version) => version.id)).size).toBe(2);
  });

  it('hasUnsavedChanges: without versions, a draft other than the starter; then, other than the last', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    expect(hasUnsavedChanges(hook(id))).toBe(false);
    state().setCode(id, 'x');
    expect(hasUnsavedChanges(hook(id))).toBe(true);
    state().saveVersion(id);
    expect(hasUnsavedChanges(hook(id))).toBe(false);
    state().setCode(id, starterHookDraft(FIRST).code);
    expect(hasUnsavedChanges(hook(id))).toBe(true);
    state().setCode(id, 'x');
    expect(hasUnsavedChanges(hook(id))).toBe(false);
    // Storage is not part of a version.
    state().setStorage(id, { data: 1 });
    expect(hasUnsavedChanges(hook(id))).toBe(false);
  });

  it('restoreVersion saves an unsaved draft first, so nothing is lost', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().setCode(id, 'one');
    state().saveVersion(id, 'one');
    state().setCode(id, 'two');
    state().saveVersion(id, 'two');
    state().setCode(id, 'unsaved');
    state().setHookPoint(id, PRE);
    const first = hook(id).versions[0]!;
    state().restoreVersion(id, first.id);
    expect(hook(id).pointId).toBe(FIRST);
    expect(hook(id).draft).toBe(first.draft);
    const versions = hook(id).versions;
    expect(versions).toHaveLength(3);
    expect(versions[2]).toMatchObject({
      pointId: PRE,
      draft: { code: 'unsaved' },
      message: expect.stringMatching(/^Draft before restoring the version of /),
    });
    // The saved draft is there to restore in turn; the restored draft is a saved version
    // already, so it is not saved again.
    state().restoreVersion(id, versions[2]!.id);
    expect(hook(id)).toMatchObject({ pointId: PRE, draft: { code: 'unsaved' } });
    expect(hook(id).versions.map((version) => version.draft.code)).toEqual([
      'one',
      'two',
      'unsaved',
    ]);
  });

  it('restoreVersion adds no version when the draft is a saved version', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().setCode(id, 'one');
    state().saveVersion(id);
    state().setCode(id, 'two');
    state().saveVersion(id);
    state().restoreVersion(id, hook(id).versions[0]!.id);
    expect(hook(id).versions).toHaveLength(2);
    expect(hook(id).draft.code).toBe('one');
    // The restored draft is a saved version: no dot.
    expect(hasUnsavedChanges(hook(id))).toBe(false);
  });

  it('restoreVersion closes a comparison and ignores an unknown version', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().saveVersion(id);
    state().compareVersion(id, hook(id).versions[0]!.id);
    const before = hook(id);
    state().restoreVersion(id, 'nope');
    expect(hook(id)).toBe(before);
    expect(state().comparing).toBeNull();
  });

  it('restoring a version of another point does not leave two enabled hooks on a point', () => {
    const { state, hook } = setup();
    const moved = state().selectedHookId;
    state().saveVersion(moved);
    state().setHookPoint(moved, PRE);
    state().setHookEnabled(moved, true);
    const stays = state().createHook(FIRST);
    expect(state().setHookEnabled(stays, true)).toEqual({ ok: true });
    state().restoreVersion(moved, hook(moved).versions[0]!.id);
    expect(hook(moved).pointId).toBe(FIRST);
    const enabledOfFirst = Object.values(state().hooks).filter(
      (candidate) => candidate.pointId === FIRST && candidate.enabled,
    );
    expect(enabledOfFirst).toHaveLength(1);
  });

  it('compareVersion selects the hook; closeCompare ends it; an unknown version is ignored', () => {
    const { state, hook } = setup();
    const id = state().selectedHookId;
    state().saveVersion(id);
    const other = state().createHook();
    const version = hook(id).versions[0]!.id;
    state().compareVersion(id, 'nope');
    state().compareVersion(other, version);
    expect(state()).toMatchObject({ comparing: null, selectedHookId: other });
    state().compareVersion(id, version);
    expect(state()).toMatchObject({
      comparing: { hookId: id, versionId: version },
      selectedHookId: id,
    });
    state().closeCompare();
    expect(state().comparing).toBeNull();
  });
});

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

describe('undo after deleting the last hook', () => {
  it('removes the untouched stand-in and keeps one that was edited', () => {
    const store = createAppStore({ runner: createFakeRunner().runner });
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
