import { hasUnsavedChanges } from './draft/sameDraft';
import type { HookRecord } from './hookRecord';
import { isPointHookName } from './hookNames';

/**
 * Whether the workspace holds anything the user made: more than the one hook a first visit
 * starts with, a saved version, a draft that is no longer its point's starter, or a name of
 * the user's own. A workspace without user work is still a first visit (the welcome shows).
 */
export function hasUserWork(hooks: readonly HookRecord[]): boolean {
  if (hooks.length !== 1) return hooks.length > 1;
  const hook = hooks[0]!;
  return (
    hook.versions.length > 0 || hasUnsavedChanges(hook) || !isPointHookName(hook.name, hook.pointId)
  );
}
