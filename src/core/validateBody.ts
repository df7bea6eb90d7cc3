import type { ExtensibilityPoint } from './points/types';
import type { FailureKind, SerializedError } from './schemas';
import { isNullCrash } from './points/bodyChecks';

/**
 * How the platform's body handling crashed on a `null` it let through: `answered` when the
 * webtask runtime caught the TypeError and answered 500, not when it escaped (no answer).
 */
export interface BodyCrash {
  name: 'TypeError';
  answered: boolean;
}

export type BodyValidation =
  { ok: true; body: Record<string, unknown> } | { ok: false; message: string; crash?: BodyCrash };

/**
 * Validates a body like the platform's compiler did before calling the hook. On failure the
 * message is the platform's own (the first issue, in the compiler's check order). On success
 * the body returned is the value passed in, not a parsed copy, so the hook sees (and may
 * mutate) exactly the objects the webtask context holds.
 *
 * A falsy body (null, false, 0, "") reached the compiler as null: the adapter re-read the
 * already consumed request for it. The compiler then ran in that read's callback, so a crash
 * there escaped without an answer; any other crash happened while the runtime called the
 * compiler and was answered 500 (docs/runtime-semantics.md §2, §9; checked with the oracle).
 */
export function validateBody(point: ExtensibilityPoint, body: unknown): BodyValidation {
  const result = point.bodySchema.safeParse(body || null);
  if (!result.success) {
    const message = result.error.issues[0]?.message ?? 'Invalid body';
    if (!isNullCrash(message)) return { ok: false, message };
    return { ok: false, message, crash: { name: 'TypeError', answered: Boolean(body) } };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

/** The run's failure for a refused body: body validation, or the platform's crash. */
export function bodyFailure(validation: { message: string; crash?: BodyCrash }): {
  kind: FailureKind;
  error: SerializedError;
} {
  const { message, crash } = validation;
  if (!crash) return { kind: 'invalid-body', error: { name: 'Error', message } };
  return { kind: crash.answered ? 'thrown' : 'async-throw', error: { name: crash.name, message } };
}
