import { afterEach, describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { starterHookDraft } from '../workspace/newHook';
import { hasUnsavedChanges } from '../workspace/draft/sameDraft';
import { setupWorkspaceStore } from './appStore.testSupport';

const setup = setupWorkspaceStore;

const FIRST = points[0]!.id;
const PRE = 'pre-user-registration';

afterEach(() => vi.useRealTimers());

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

describe('restoreVersion result', () => {
  it('says whether the draft was kept as a version first, or that nothing was restored', () => {
    const { state } = setup();
    const id = state().selectedHookId;
    state().setCode(id, 'v1');
    state().saveVersion(id);
    const v1 = state().hooks[id]!.versions[0]!.id;
    expect(state().restoreVersion(id, v1)).toEqual({ restored: true, keptDraftAsVersion: false });
    state().setCode(id, 'unsaved');
    expect(state().restoreVersion(id, v1)).toEqual({ restored: true, keptDraftAsVersion: true });
    expect(state().restoreVersion(id, 'unknown')).toEqual({ restored: false });
    expect(state().restoreVersion('unknown', v1)).toEqual({ restored: false });
  });
});
