import { platformView } from '../../core/platformView';
import type { JsonValue, PointId } from '../../core/schemas';
import type { ComparedSide } from '../../store/compareSlice';
import { outcomeLine } from '../../store/selectors';

/**
 * One side's outcome in one line ("Action: Denied in 9 ms — Signup denied"), with what the
 * platform tells the user or the client when it denies.
 */
export function sideLine(
  label: 'Hook' | 'Action',
  point: PointId,
  payload: JsonValue,
  side: ComparedSide,
): string {
  const line = `${label}: ${outcomeLine(point, side.outcome)}`;
  const view = platformView(point, payload, side.outcome);
  if (view.kind === 'signup-denied' && view.friendlyMessage !== undefined)
    return `${line}. Message to the user: “${view.friendlyMessage}”`;
  if (view.kind === 'oauth-error') return `${line}. ${view.body.error_description}`;
  return line;
}
