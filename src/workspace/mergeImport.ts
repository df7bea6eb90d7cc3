import { getPoint } from '../core/points';
import type { PointId } from '../core/schemas';
import type { HookRecord } from './hookRecord';
import { withSavedVersion } from './hookVersions';
import { newHookId, uniqueHookName } from './newHook';

/** The message of the version every imported hook starts with: the hook as imported. */
export const IMPORTED_VERSION_MESSAGE = 'Imported';

export interface MergeResult {
  /** The imported records as they join the workspace, in import order. */
  added: HookRecord[];
  /** One sentence per change made on the way in (a rename, a hook added disabled). */
  notes: string[];
}

/**
 * Imported hooks made fit to join `existing`: each name unique against the workspace and the
 * hooks imported before it, and at most one enabled hook per point (as on the platform): an
 * imported enabled hook whose point already has one is added disabled, with a note. Each
 * gets a version "Imported" of its draft (after any versions it brought), so its History can
 * compare later edits with the hook as it came in. An import never changes an existing hook:
 * one named like it is added beside it (renamed) with its own draft and tests, and the
 * existing hook keeps its draft and tests.
 */
export function mergeImport(
  existing: readonly HookRecord[],
  imported: readonly HookRecord[],
): MergeResult {
  const names = existing.map((hook) => hook.name);
  const ids = new Set(existing.map((hook) => hook.id));
  const enabledAt = new Map<PointId, string>();
  for (const hook of existing) {
    if (hook.enabled && !enabledAt.has(hook.pointId)) enabledAt.set(hook.pointId, hook.name);
  }

  const added: HookRecord[] = [];
  const notes: string[] = [];
  for (const hook of imported) {
    const name = uniqueHookName(hook.name, names);
    if (name !== hook.name) {
      notes.push(`"${hook.name}" was renamed "${name}": a hook of that name already exists.`);
    }
    let enabled = hook.enabled;
    const holder = enabledAt.get(hook.pointId);
    if (enabled && holder !== undefined) {
      enabled = false;
      notes.push(
        `"${name}" was added disabled: "${holder}" is already enabled for ` +
          `${getPoint(hook.pointId).label}, and only one hook per point can be.`,
      );
    } else if (enabled) {
      enabledAt.set(hook.pointId, name);
    }
    // Ids are unique across the workspace even when a record is imported twice.
    const id = ids.has(hook.id) ? newHookId() : hook.id;
    ids.add(id);
    names.push(name);
    added.push(withSavedVersion({ ...hook, id, name, enabled }, IMPORTED_VERSION_MESSAGE));
  }
  return { added, notes };
}
