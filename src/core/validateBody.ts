import type { ExtensibilityPoint } from './points/types';

export type BodyValidation =
  { ok: true; body: Record<string, unknown> } | { ok: false; message: string };

/**
 * Validates a body like the platform's compiler did before calling the hook. On failure the
 * message is the platform's own (the first issue, in the compiler's check order). On success
 * the body returned is the value passed in, not a parsed copy, so the hook sees (and may
 * mutate) exactly the objects the webtask context holds.
 */
export function validateBody(point: ExtensibilityPoint, body: unknown): BodyValidation {
  const result = point.bodySchema.safeParse(body);
  if (!result.success) {
    return { ok: false, message: result.error.issues[0]?.message ?? 'Invalid body' };
  }
  return { ok: true, body: body as Record<string, unknown> };
}
