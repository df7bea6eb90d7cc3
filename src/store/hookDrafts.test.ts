import { describe, expect, it } from 'vitest';
import { points } from '../core/points';
import type { PointId } from '../core/schemas';
import { HOOK_NAME_PATTERN, type HookDraft, type HookRecord } from '../workspace/hookRecord';
import { newHook, starterHookDraft } from '../workspace/newHook';
import { hasUnsavedChanges, pointHookName, sameDraft, toHookName } from './hookDrafts';

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

describe('pointHookName', () => {
  it('is the point’s Dashboard label, a valid hook name', () => {
    expect(pointHookName('pre-user-registration')).toBe('Pre-User Registration');
    for (const point of points) {
      expect(pointHookName(point.id)).toBe(point.label);
      expect(pointHookName(point.id)).toMatch(HOOK_NAME_PATTERN);
    }
  });
});

describe('toHookName', () => {
  it('keeps letters, digits, spaces and hyphens, collapsing the rest into single spaces', () => {
    expect(toHookName('Mark VIPs', 'x')).toBe('Mark VIPs');
    expect(toHookName('Deny  sign-ups (from *.test)!', 'x')).toBe('Deny sign-ups from test');
    expect(toHookName('Ünïcode — names', 'x')).toBe('n code names');
  });

  it('trims spaces and hyphens at the ends so the result keeps the name rule', () => {
    expect(toHookName(' - hello - ', 'x')).toBe('hello');
    expect(toHookName('--a--', 'x')).toBe('a');
    for (const text of ['a', '!a!', '  -a b-  ', 'a - b', 'é a é']) {
      expect(toHookName(text, 'Fallback')).toMatch(HOOK_NAME_PATTERN);
    }
  });

  it('falls back when nothing usable is left', () => {
    expect(toHookName('', 'Fallback')).toBe('Fallback');
    expect(toHookName('!!! ---', 'Fallback')).toBe('Fallback');
    expect(toHookName('日本語', 'Fallback')).toBe('Fallback');
  });

  it('keeps at most 100 characters and never ends on a space or hyphen', () => {
    expect(toHookName('a'.repeat(150), 'x')).toBe('a'.repeat(100));
    const cut = toHookName(`${'a'.repeat(99)} - b`, 'x');
    expect(cut).toBe('a'.repeat(99));
    expect(cut).toMatch(HOOK_NAME_PATTERN);
  });
});
