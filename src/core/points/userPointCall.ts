import type { WebtaskContext } from './types';

// The call convention of user-registration.js, shared by the three user points.

/** `(user, context)` where context is a shallow copy of body.context plus `webtask`. */
export function userPointArgs(body: Record<string, unknown>, webtask: WebtaskContext): unknown[] {
  return [body.user, Object.assign({}, body.context, { webtask })];
}

/** The platform's callback wrapper: `cb(e, e ? undefined : (d || {}))`. */
export function userPointResponse(value: unknown): unknown {
  return value || {};
}
