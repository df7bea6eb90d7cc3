import type { CodeLocation, JsonValue, PointId, SerializedError } from '../schemas';

// What an Action's `api` calls amount to, as the outcome the hook would have had
// (docs/runtime-semantics.md §18.4), so the platform's views, envelopes and test matchers
// read an Action run unchanged.

/** What the `api` calls of one run have asked for so far. */
export interface ActionState {
  userMetadata: Record<string, JsonValue>;
  appMetadata: Record<string, JsonValue>;
  /** credentials-exchange: custom claims by name, in first-set order. */
  claims: Record<string, JsonValue>;
  /** The first deny (or validation error) of the run; later ones do not replace it. */
  denial?: SerializedError;
}

export function emptyActionState(): ActionState {
  return { userMetadata: {}, appMetadata: {}, claims: {} };
}

/** The OAuth error classes of a credentials-exchange hook, by the Action's deny code. */
export const DENY_CODES: Readonly<Record<string, string>> = {
  invalid_scope: 'InvalidScopeError',
  invalid_request: 'InvalidRequestError',
  server_error: 'ServerError',
};

/**
 * The error a hook would have called back with, shaped like an instance of the point's class
 * (own keys in the class's order, so the envelope matches the hook's).
 */
export function denialError(
  name: string,
  message: string,
  location: CodeLocation | undefined,
  friendlyMessage?: string,
): SerializedError {
  const friendly = friendlyMessage === undefined ? {} : { friendlyMessage };
  return {
    name,
    message,
    ...(location ? { location } : {}),
    ...friendly,
    ownKeys: ['stack', 'message', 'name', ...Object.keys(friendly)],
  };
}

export type ActionSettlement =
  | { status: 'succeeded'; response?: JsonValue }
  | { status: 'failed'; kind: 'callback-error'; error: SerializedError };

/**
 * The hook-equivalent outcome of an Action that completed (resolved); the caller adds the
 * duration, requires and apiCalls.
 */
export function actionOutcome(
  pointId: PointId,
  payload: JsonValue,
  state: ActionState,
): ActionSettlement {
  if (state.denial) return { status: 'failed', kind: 'callback-error', error: state.denial };
  if (pointId === 'pre-user-registration') {
    const user: Record<string, JsonValue> = {};
    if (Object.keys(state.userMetadata).length > 0) user.user_metadata = state.userMetadata;
    if (Object.keys(state.appMetadata).length > 0) user.app_metadata = state.appMetadata;
    return { status: 'succeeded', response: Object.keys(user).length > 0 ? { user } : {} };
  }
  if (pointId === 'credentials-exchange') {
    const body = payload !== null && typeof payload === 'object' && !Array.isArray(payload);
    const scope = body ? payload.scope : undefined;
    const token: Record<string, JsonValue> = {};
    if (scope !== undefined) token.scope = JSON.parse(JSON.stringify(scope)) as JsonValue;
    return { status: 'succeeded', response: { ...token, ...state.claims } };
  }
  return { status: 'succeeded' };
}
