import type { PointId } from '../core/schemas';
import type { HookRecord } from './hookRecord';

/**
 * The point's enabled hook other than `exceptId`, if any. A point has at most one enabled
 * hook, as on the platform, so enabling or moving a hook checks this first.
 */
export const enabledHookOf = (
  hooks: Readonly<Record<string, HookRecord>> | readonly HookRecord[],
  pointId: PointId,
  exceptId?: string,
): HookRecord | undefined =>
  Object.values(hooks).find(
    (hook) => hook.id !== exceptId && hook.enabled && hook.pointId === pointId,
  );
