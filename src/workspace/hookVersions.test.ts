import { describe, expect, it } from 'vitest';
import type { PointId } from '../core/schemas';
import type { HookRecord } from './hookRecord';
import { restoreVersionOf, withSavedVersion } from './hookVersions';
import { newHook } from './newHook';

const PRE: PointId = 'pre-user-registration';
const POST: PointId = 'post-user-registration';

const hook = (extra: Partial<HookRecord> = {}): HookRecord => ({
  ...newHook({ id: 'h', pointId: PRE, name: 'h', now: 1 }),
  ...extra,
});
const withCode = (record: HookRecord, code: string): HookRecord => ({
  ...record,
  draft: { ...record.draft, code },
});

describe('withSavedVersion', () => {
  it('appends the draft as a version with a trimmed message', () => {
    const saved = withSavedVersion(hook(), '  first ');
    expect(saved.versions).toHaveLength(1);
    expect(saved.versions[0]).toMatchObject({ message: 'first', pointId: PRE });
    expect(saved.versions[0]!.draft).toBe(saved.draft);
    expect(withSavedVersion(saved).versions[1]!.message).toBe('');
  });
});

describe('restoreVersionOf', () => {
  it('is undefined for an unknown version', () => {
    expect(restoreVersionOf(hook(), 'nope', [])).toBeUndefined();
  });

  it('keeps an unsaved draft as a version first, and says so', () => {
    const saved = withSavedVersion(withCode(hook(), 'v1'));
    const edited = withCode(saved, 'unsaved');
    const restored = restoreVersionOf(edited, saved.versions[0]!.id, [])!;
    expect(restored.keptDraftAsVersion).toBe(true);
    expect(restored.hook.draft.code).toBe('v1');
    expect(restored.hook.versions.map((v) => v.draft.code)).toEqual(['v1', 'unsaved']);
  });

  it('adds no version when the draft is a saved one', () => {
    const first = withSavedVersion(withCode(hook(), 'v1'));
    const both = withSavedVersion(withCode(first, 'v2'));
    const restored = restoreVersionOf(both, both.versions[0]!.id, [])!;
    expect(restored.keptDraftAsVersion).toBe(false);
    expect(restored.hook.versions).toBe(both.versions);
  });

  it('does not make a second enabled hook on the version’s point', () => {
    const onPost = withSavedVersion({ ...hook(), pointId: POST });
    const record = { ...onPost, pointId: PRE, enabled: true };
    const enabledPost = { ...newHook({ id: 'o', pointId: POST, name: 'o' }), enabled: true };
    const versionId = record.versions[0]!.id;
    expect(restoreVersionOf(record, versionId, [enabledPost])!.hook.enabled).toBe(false);
    expect(restoreVersionOf(record, versionId, [])!.hook).toMatchObject({
      pointId: POST,
      enabled: true,
    });
  });
});
