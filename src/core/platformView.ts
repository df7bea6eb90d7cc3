import type { JsonValue, PointId, RunOutcome } from './schemas';
import { getPoint } from './points';
import { mergedUserView } from './mergedUserView';
import { accessTokenClaimsView } from './accessTokenClaimsView';
import { oauthErrorView } from './oauthErrorView';

export type MetadataChange = { path: string; change: 'added' | 'changed' };
export type MetadataProblem = { path: string; severity: 'error' | 'warning'; message: string };

/**
 * What the platform would make of an outcome, shown beside the raw callback result
 * (docs/runtime-semantics.md §8).
 */
export type PlatformView =
  | {
      kind: 'merged-user';
      user: JsonValue;
      changes: MetadataChange[];
      problems: MetadataProblem[];
      ignoredFields: string[];
    }
  /** pre-user-registration failed; friendlyMessage only for cb(new PreUserRegistrationError(…)). */
  | { kind: 'signup-denied'; message: string; friendlyMessage?: string }
  /** credentials-exchange succeeded: the claims the token gets, and what was dropped and why. */
  | {
      kind: 'access-token-claims';
      claims: Record<string, JsonValue>;
      dropped: { key: string; reason: string }[];
    }
  /** credentials-exchange failed: the OAuth error answered to POST /oauth/token. */
  | { kind: 'oauth-error'; status: number; body: { error: string; error_description: string } }
  | { kind: 'response-ignored'; message: string }
  | { kind: 'message-not-sent'; message: string }
  | { kind: 'response' }
  | { kind: 'none' };

export const RESPONSE_IGNORED = "The platform ignores this point's response.";
export const MESSAGE_NOT_SENT = 'The message was not sent.';

/** What an error at a point whose response is ignored still does: it is only logged. */
const LOGGED_ONLY: Partial<Record<PointId, string>> = {
  'post-user-registration': 'Logged only — the signup is not affected.',
  'post-change-password': 'Logged only — the password change is not affected.',
};

/**
 * Only outcomes the platform answered (succeeded / failed) have a view; a timeout, cancel
 * or crash is explained by the envelope (platformEnvelope) instead.
 */
export function platformView(
  pointId: PointId,
  payload: JsonValue,
  outcome: RunOutcome | undefined,
): PlatformView {
  if (!outcome || (outcome.status !== 'succeeded' && outcome.status !== 'failed')) {
    return { kind: 'none' };
  }
  const use = getPoint(pointId).responseUse;
  if (outcome.status === 'succeeded') {
    switch (use) {
      case 'merged-user':
        return mergedUserView(payload, outcome.response);
      case 'access-token-claims':
        return accessTokenClaimsView(outcome.response);
      case 'ignored':
        return { kind: 'response-ignored', message: RESPONSE_IGNORED };
      case 'not-used':
        return { kind: 'response' };
    }
  }
  const { error, kind } = outcome;
  switch (use) {
    case 'merged-user': {
      // The user-facing text exists only where the hook passed the class to cb: a thrown
      // one became the runtime's 500, which carries no friendlyMessage.
      const friendly =
        kind === 'callback-error' &&
        error.name === 'PreUserRegistrationError' &&
        error.friendlyMessage !== undefined;
      return {
        kind: 'signup-denied',
        message: error.message,
        ...(friendly ? { friendlyMessage: error.friendlyMessage } : {}),
      };
    }
    case 'access-token-claims':
      // Only an error passed to cb reaches Auth0 with its class name; anything else is a 500.
      return oauthErrorView(kind === 'callback-error' ? error : { ...error, name: 'Error' });
    case 'ignored':
      return { kind: 'response-ignored', message: LOGGED_ONLY[pointId] ?? RESPONSE_IGNORED };
    case 'not-used':
      return { kind: 'message-not-sent', message: MESSAGE_NOT_SENT };
  }
}
