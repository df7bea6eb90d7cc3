import { getPoint } from '../core/points';
import type { PointId } from '../core/schemas';
import { HOOK_NAME_RULE, HookNameSchema } from './hookRecord';

/** The name a hook gets from its point (e.g. "Pre-User Registration"). */
export const pointHookName = (pointId: PointId): string => getPoint(pointId).label;

/** Whether the name is the one the point gave the hook ("Pre-User Registration", "… 2"). */
export const isPointHookName = (name: string, pointId: PointId): boolean =>
  name.replace(/ \d+$/, '') === pointHookName(pointId);

/** Keeps only the characters the hook name rule allows, e.g. for a name made from a title. */
export function toHookName(text: string, fallback: string): string {
  const cleaned = text
    .replace(/[^ \-a-zA-Z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[ -]+|[ -]+$/g, '');
  return cleaned === '' ? fallback : cleaned.slice(0, 100).replace(/[ -]+$/, '');
}

/**
 * Why a hook may not be named `name` (already trimmed) next to `takenNames`, or null: it
 * breaks the name rule, or another hook has it in any case (export file names would clash).
 */
export function hookNameProblem(name: string, takenNames: readonly string[]): string | null {
  if (!HookNameSchema.safeParse(name).success) return HOOK_NAME_RULE;
  const taken = takenNames.some((other) => other.toLowerCase() === name.toLowerCase());
  return taken ? `Another hook is already named ${name}.` : null;
}
