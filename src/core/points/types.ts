import type { z } from '../schemaKit';
import type { JsonValue, PointId } from '../schemas';
import type { WebtaskStorage } from '../createWebtaskStorage';

/**
 * The webtask context Hookpad hands to a hook as `context.webtask` (docs/runtime-semantics.md §3):
 * the fields of webtask-runtime's lib/context.js, declared in its key order.
 */
export interface WebtaskContext {
  data: Record<string, unknown>;
  headers: Record<string, string>;
  id: string;
  params: Record<string, string>;
  query: Record<string, string>;
  secrets: Record<string, string>;
  meta: Record<string, string>;
  storage: WebtaskStorage;
  token: undefined;
  body_raw: string;
  body: unknown;
  create_token: () => never;
  create_token_url: () => never;
  [key: string]: unknown;
}

/** What the platform does with a successful callback value (docs/runtime-semantics.md §8). */
export type ResponseUse = 'merged-user' | 'access-token-claims' | 'ignored' | 'not-used';

/** One extensibility point: data in a registry, adding a point is one file and one line. */
export interface ExtensibilityPoint {
  id: PointId;
  /** Dashboard label, e.g. "Pre-User Registration". */
  label: string;
  /** Parameter names in call order, the callback last, e.g. ['user', 'context', 'cb']. */
  params: readonly string[];
  starterCode: string;
  /** The documented Runner body (docs/runtime-semantics.md §2), verbatim. */
  defaultPayload: JsonValue;
  /**
   * Validates the body like the platform's compiler did. The first issue's message is the
   * platform's own message, e.g. "Body.user received by extensibility point is not an object".
   * Unknown keys pass through. `z.describe()` documents fields for editor hovers.
   */
  bodySchema: z.ZodMiniType;
  /**
   * Error classes the platform's prelude declares for this point (besides ExtensibilityUserError).
   */
  errorClasses: readonly string[];
  /**
   * The arguments before cb, with `webtask` attached to the context as the platform did (copy vs.
   * mutate).
   */
  toArgs(body: Record<string, unknown>, webtask: WebtaskContext): unknown[];
  /**
   * The platform's callback wrapper for success values, e.g. the user points turn `cb()` into `{}`.
   */
  normalizeResponse(value: unknown): unknown;
  /**
   * A non-blocking point: the platform did not wait for it. An Action of this point keeps
   * running after it completes; a hook keeps running after cb at every point (§7).
   */
  continuesAfterCallback: boolean;
  responseUse: ResponseUse;
}
