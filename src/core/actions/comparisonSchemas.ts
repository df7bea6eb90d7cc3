import { z } from '../schemaKit';

// The "Hook vs Action" report (docs/runtime-semantics.md §18): differences in the platform's
// terms, computed by compareRuns.ts from both runs.

export const DifferenceKindSchema = z.enum([
  /** One was allowed/succeeded and the other denied, failed or timed out. */
  'outcome',
  /** A user_metadata / app_metadata field of the merged user. */
  'metadata',
  /** An access-token claim (kept or dropped). */
  'claim',
  /** The denial's message to the user or its logged reason, or the OAuth error. */
  'denial',
  /** The outbound requests (method, URL, body) in order. */
  'request',
]);
export type DifferenceKind = z.infer<typeof DifferenceKindSchema>;

export const DifferenceSchema = z.object({
  kind: DifferenceKindSchema,
  /** The field or claim, e.g. "user_metadata.plan"; absent for whole-outcome differences. */
  path: z.optional(z.string()),
  /** One line in platform terms, e.g. "user_metadata.plan: hook 'gold', action — not set". */
  text: z.string(),
});
export type Difference = z.infer<typeof DifferenceSchema>;

export const ComparisonSchema = z.object({
  equivalent: z.boolean(),
  differences: z.array(DifferenceSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;
