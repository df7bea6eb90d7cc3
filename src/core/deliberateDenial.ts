import type { PointId, RunOutcome } from './schemas';
import { getPoint } from './points';
import { oauthErrorView } from './oauthErrorView';

/**
 * The platform's answer when a hook denies on purpose: it called back with one of its point's
 * error classes where the platform turns that into a refusal (docs/runtime-semantics.md §8).
 * A throw, a rejection or `cb(new Error())` is a failure, not a denial; at the points whose
 * response is ignored the error is only logged, so nothing is denied there.
 */
export function deliberateDenial(pointId: PointId, outcome: RunOutcome | undefined): string | null {
  if (outcome?.status !== 'failed' || outcome.kind !== 'callback-error') return null;
  const point = getPoint(pointId);
  if (!point.errorClasses.includes(outcome.error.name)) return null;
  switch (point.responseUse) {
    case 'merged-user':
      return 'Signup denied';
    case 'access-token-claims':
      return oauthErrorView(outcome.error).body.error;
    case 'not-used':
      return 'Message not sent';
    case 'ignored':
      return null;
  }
}
