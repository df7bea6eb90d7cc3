import { describe, expect, it } from 'vitest';
import type { PointId } from '../../core/schemas';
import type { HookDraft, HookRecord } from '../hookRecord';
import { newHook, starterHookDraft } from '../newHook';
import { hasUnsavedChanges, sameDraft } from './sameDraft';

const P: PointId = 'pre-user-registration';

type Drafted = { pointId: PointId; draft: HookDraft };

const hookWith = (change: Partial<HookRecord> = {}): HookRecord => ({
  ...newHook({ pointId: P, name: 'Pre-User Registration', now: 1 }),
  ...change,
});

const version = (hook: HookRecord, id = 'v1') => ({
  id,
  savedAt: 1,
  message: '',
  pointId: hook.pointId,
  draft: hook.draft,
});

describe('sameDraft', () => {
  const starter: Drafted = { pointId: P, draft: starterHookDraft(P) };

  it('compares what the user sees, not row ids or dependency order', () => {
    const a: Drafted = {
      pointId: P,
      draft: {
        ...starterHookDraft(P),
        secrets: [{ id: 'one', name: 'K', value: 'v' }],
        dependencies: { a: '1', b: '2' },
      },
    };
    const b: Drafted = {
      pointId: P,
      draft: {
        ...a.draft,
        secrets: [{ id: 'two', name: 'K', value: 'v', notExported: true }],
        dependencies: { b: '2', a: '1' },
      },
    };
    expect(sameDraft(a, b)).toBe(true);
  });

  it('tells apart the point, code, payload, secrets, network and dependencies', () => {
    const base = starterHookDraft(P);
    expect(sameDraft(starter, { pointId: 'post-user-registration', draft: base })).toBe(false);
    expect(sameDraft(starter, { pointId: P, draft: { ...base, code: 'x' } })).toBe(false);
    expect(sameDraft(starter, { pointId: P, draft: { ...base, payloadText: '{}' } })).toBe(false);
    expect(
      sameDraft(starter, {
        pointId: P,
        draft: { ...base, secrets: [{ id: 's', name: 'K', value: '' }] },
      }),
    ).toBe(false);
    expect(
      sameDraft(starter, {
        pointId: P,
        draft: { ...base, network: { ...base.network, allowNetwork: true } },
      }),
    ).toBe(false);
    expect(
      sameDraft(starter, { pointId: P, draft: { ...base, dependencies: { a: 'latest' } } }),
    ).toBe(false);
    expect(sameDraft(starter, { pointId: P, draft: starterHookDraft(P) })).toBe(true);
  });

  it('tells apart secrets in another order or with another value', () => {
    const base = starterHookDraft(P);
    const rows = [
      { id: '1', name: 'A', value: 'a' },
      { id: '2', name: 'B', value: 'b' },
    ];
    const with_ = (secrets: typeof rows): Drafted => ({ pointId: P, draft: { ...base, secrets } });
    expect(sameDraft(with_(rows), with_([rows[1]!, rows[0]!]))).toBe(false);
    expect(sameDraft(with_(rows), with_([rows[0]!, { ...rows[1]!, value: 'c' }]))).toBe(false);
  });
});

describe('hasUnsavedChanges', () => {
  it('without versions: unsaved once the draft differs from the point’s starter', () => {
    expect(hasUnsavedChanges(hookWith())).toBe(false);
    expect(hasUnsavedChanges(hookWith({ draft: { ...starterHookDraft(P), code: 'x' } }))).toBe(
      true,
    );
  });

  it('without versions: a hook moved to another point compares with that point’s starter', () => {
    const moved = hookWith({ pointId: 'send-phone-message', draft: starterHookDraft(P) });
    expect(hasUnsavedChanges(moved)).toBe(true);
    expect(
      hasUnsavedChanges(
        hookWith({ pointId: 'send-phone-message', draft: starterHookDraft('send-phone-message') }),
      ),
    ).toBe(false);
  });

  it('with versions: unsaved when the draft matches no saved version', () => {
    const edited = hookWith({ draft: { ...starterHookDraft(P), code: 'edited' } });
    const saved = { ...edited, versions: [version(hookWith()), version(edited, 'v2')] };
    expect(hasUnsavedChanges(saved)).toBe(false);
    // Back to the starter, which the first version holds (as after restoring it): saved.
    expect(hasUnsavedChanges({ ...saved, draft: starterHookDraft(P) })).toBe(false);
    const changed = { ...saved, draft: { ...starterHookDraft(P), code: 'neither' } };
    expect(hasUnsavedChanges(changed)).toBe(true);
  });

  it('with versions: a changed point counts as a change', () => {
    const saved = { ...hookWith(), versions: [version(hookWith())] };
    expect(hasUnsavedChanges({ ...saved, pointId: 'post-user-registration' })).toBe(true);
  });

  it('answers again for a new record (memoized per record only)', () => {
    const hook = hookWith();
    expect(hasUnsavedChanges(hook)).toBe(false);
    expect(hasUnsavedChanges({ ...hook, draft: { ...hook.draft, code: 'y' } })).toBe(true);
    expect(hasUnsavedChanges(hook)).toBe(false);
  });
});
