import { enabledHookOf } from './enabledHookOf';
import type { HookRecord, HookVersion } from './hookRecord';
import { newId } from './newHook';
import { sameDraft } from './draft/sameDraft';

const versionOf = (hook: HookRecord, message: string): HookVersion => ({
  id: newId('version'),
  savedAt: Date.now(),
  message,
  pointId: hook.pointId,
  draft: hook.draft,
});

/** The hook with its draft recorded as a new immutable version (newest last). */
export const withSavedVersion = (hook: HookRecord, message?: string): HookRecord => ({
  ...hook,
  versions: [...hook.versions, versionOf(hook, message?.trim() ?? '')],
});

export interface RestoredHook {
  hook: HookRecord;
  /** The draft matched no saved version, so it was kept as one before being replaced. */
  keptDraftAsVersion: boolean;
}

/**
 * The hook with the version as its draft (and point), or undefined for an unknown version.
 * A draft no version holds is first saved as one, so restoring never loses work. Like a
 * move to another point, it may not become a second enabled hook there (`others`: the
 * workspace's hooks).
 */
export function restoreVersionOf(
  hook: HookRecord,
  versionId: string,
  others: Readonly<Record<string, HookRecord>> | readonly HookRecord[],
): RestoredHook | undefined {
  const version = hook.versions.find((candidate) => candidate.id === versionId);
  if (!version) return undefined;
  const keptDraftAsVersion = !hook.versions.some((saved) => sameDraft(hook, saved));
  const versions = keptDraftAsVersion
    ? [
        ...hook.versions,
        versionOf(
          hook,
          `Draft before restoring the version of ${new Date(version.savedAt).toLocaleString()}`,
        ),
      ]
    : hook.versions;
  const clash =
    version.pointId !== hook.pointId &&
    enabledHookOf(others, version.pointId, hook.id) !== undefined;
  return {
    hook: {
      ...hook,
      pointId: version.pointId,
      draft: version.draft,
      versions,
      enabled: hook.enabled && !clash,
    },
    keptDraftAsVersion,
  };
}
