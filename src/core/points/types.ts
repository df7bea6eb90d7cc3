import type { z } from 'zod';
import type { JsonValue, PointId } from '../schemas';

/**
 * The webtask context Hookpad hands to a hook as `context.webtask` (Part A §3).
 * Issue-3 work extends it (storage, meta, …); the foundation supplies these fields.
 */
export interface WebtaskContext {
  secrets: Record<string, string>;
  meta: Record<string, string>;
  headers: Record<string, string>;
  query: Record<string, string>;
  params: Record<string, string>;
  data: Record<string, unknown>;
  body: unknown;
  body_raw: string;
  id: string;
  [key: string]: unknown;
}

/** What the platform does with a successful callback value (Part A §8). */
export type ResponseUse = 'merged-user' | 'access-token-claims' | 'ignored' | 'not-used';

/** One extensibility point: data in a registry, adding a point is one file and one line. */
export interface ExtensibilityPoint {
  id: PointId;
  /** Dashboard label, e.g. "Pre-User Registration". */
  label: string;
  /** Parameter names in call order, the callback last, e.g. ['user', 'context', 'cb']. */
  params: readonly string[];
  starterCode: string;
  /** The documented Runner body (Part B), verbatim. */
  defaultPayload: JsonValue;
  /**
   * Validates the body like the platform's compiler did. The first issue's message is the
   * platform's own message, e.g. "Body.user received by extensibility point is not an object".
   * Unknown keys pass through. `.describe()` documents fields for editor hovers.
   */
  bodySchema: z.ZodType;
  /** Error classes the platform's prelude declares for this point (besides ExtensibilityUserError). */
  errorClasses: readonly string[];
  /** The arguments before cb, with `webtask` attached to the context as the platform did (copy vs. mutate). */
  toArgs(body: Record<string, unknown>, webtask: WebtaskContext): unknown[];
  /** The platform's callback wrapper for success values, e.g. the user points turn `cb()` into `{}`. */
  normalizeResponse(value: unknown): unknown;
  /** Asynchronous points keep running after cb (Part A §7). */
  continuesAfterCallback: boolean;
  responseUse: ResponseUse;
}
