import { getPoint } from '../core/points';
import type { PointId } from '../core/schemas';
import { sameDraft } from './draft/sameDraft';
import { enabledHookOf } from './enabledHookOf';
import type { HookRecord } from './hookRecord';
import { isPointHookName, pointHookName } from './hookNames';
import { withSavedVersion } from './hookVersions';
import { starterHookDraft, uniqueHookName } from './newHook';

/** What a hook may hold from its point: starter code, default payload, the point's name. */
export type PointPart = 'code' | 'payload' | 'name';

const ALL_PARTS: readonly PointPart[] = ['code', 'payload', 'name'];

export interface MoveToPointOptions {
  /**
   * The workspace's other hooks: a point name is made unique among their names, and an
   * enabled hook moving onto a point that has an enabled hook becomes disabled.
   */
  others?: readonly HookRecord[];
  /** The parts that can have come from the old point (default: all of them). */
  fromPoint?: readonly PointPart[];
}

/**
 * The hook on another extensibility point. What it still holds from its old point follows
 * the point: the old starter code becomes the new point's, the old default payload the
 * new point's, and a name after the old point one after the new point. Everything the user
 * wrote stays. The same point gives back the same record.
 *
 * An Action draft is made for its point's trigger (its `exports.onExecute<Trigger>` and `api`),
 * so it does not move: the draft holding it is kept as a version first (unless one already
 * holds it), and the moved draft has none. Restoring that version brings both back.
 */
export function moveHookToPoint(
  hook: HookRecord,
  pointId: PointId,
  { others = [], fromPoint = ALL_PARTS }: MoveToPointOptions = {},
): HookRecord {
  if (hook.pointId === pointId) return hook;
  const before = hook.draft.action === undefined ? hook : keptWithAction(hook, pointId);
  const oldStarter = starterHookDraft(hook.pointId);
  const newStarter = starterHookDraft(pointId);
  const follows = (part: PointPart, current: string, old: string, next: string) =>
    fromPoint.includes(part) && current === old ? next : current;
  const { action: _action, ...unported } = hook.draft;
  const draft = {
    ...unported,
    code: follows('code', hook.draft.code, oldStarter.code, newStarter.code),
    payloadText: follows(
      'payload',
      hook.draft.payloadText,
      oldStarter.payloadText,
      newStarter.payloadText,
    ),
  };
  const otherNames = others.filter((other) => other.id !== hook.id).map((other) => other.name);
  const name =
    fromPoint.includes('name') && isPointHookName(hook.name, hook.pointId)
      ? uniqueHookName(pointHookName(pointId), otherNames)
      : hook.name;
  // At most one enabled hook per point, as on the platform.
  const clash = enabledHookOf(others, pointId, hook.id) !== undefined;
  return { ...before, pointId, draft, name, enabled: hook.enabled && !clash };
}

/** The hook with its draft (and so its Action) saved as a version, unless a version holds it. */
function keptWithAction(hook: HookRecord, pointId: PointId): HookRecord {
  if (hook.versions.some((version) => sameDraft(hook, version))) return hook;
  return withSavedVersion(
    hook,
    `Draft with its Action, before moving to ${getPoint(pointId).label}`,
  );
}
