import type { PointId } from '../../core/schemas';
import type { HookDraft, HookRecord } from '../hookRecord';
import { starterHookDraft } from '../newHook';
import { sameValue } from '../sameValue';

/** The parts of a draft that matter to the user (row ids are bookkeeping). */
const comparable = ({ pointId, draft }: { pointId: PointId; draft: HookDraft }) => ({
  pointId,
  draft: { ...draft, secrets: draft.secrets.map((row) => [row.name, row.value]) },
});

export const sameDraft = (
  a: { pointId: PointId; draft: HookDraft },
  b: { pointId: PointId; draft: HookDraft },
): boolean => sameValue(comparable(a), comparable(b));

const dirtyMemo = new WeakMap<HookRecord, boolean>();
/**
 * Whether the draft holds changes no saved version has (the dot in the hooks list): a
 * restored version is saved, although the newest version is the draft kept before it. A
 * hook with no version is unsaved once it differs from its point's starter.
 */
export function hasUnsavedChanges(hook: HookRecord): boolean {
  let dirty = dirtyMemo.get(hook);
  if (dirty === undefined) {
    dirty =
      hook.versions.length > 0
        ? !hook.versions.some((version) => sameDraft(hook, version))
        : !sameDraft(hook, { pointId: hook.pointId, draft: starterHookDraft(hook.pointId) });
    dirtyMemo.set(hook, dirty);
  }
  return dirty;
}
