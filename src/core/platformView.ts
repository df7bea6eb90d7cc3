import type { JsonValue, PointId, RunOutcome } from './schemas';
import { getPoint } from './points';
import { mergedUserView } from './mergedUserView';

export type MetadataChange = { path: string; change: 'added' | 'changed' };
export type MetadataProblem = { path: string; severity: 'error' | 'warning'; message: string };

/** What the platform would make of an outcome, shown beside the raw callback result (Part A §8). */
export type PlatformView =
  | {
      kind: 'merged-user';
      user: JsonValue;
      changes: MetadataChange[];
      problems: MetadataProblem[];
      ignoredFields: string[];
    }
  | { kind: 'response-ignored'; message: string }
  | { kind: 'response' }
  | { kind: 'none' };

export function platformView(
  pointId: PointId,
  payload: JsonValue,
  outcome: RunOutcome | undefined,
): PlatformView {
  if (!outcome) return { kind: 'none' };
  const use = getPoint(pointId).responseUse;
  if (use === 'ignored') {
    if (outcome.status === 'succeeded') {
      return { kind: 'response-ignored', message: 'The platform ignores this point’s response.' };
    }
    if (outcome.status === 'failed' && outcome.kind === 'callback-error') {
      return {
        kind: 'response-ignored',
        message: 'The platform only logs this error; it does not affect the transaction.',
      };
    }
    return { kind: 'none' };
  }
  if (outcome.status !== 'succeeded') return { kind: 'none' };
  if (use === 'merged-user') return mergedUserView(payload, outcome.response);
  return { kind: 'response' };
}
