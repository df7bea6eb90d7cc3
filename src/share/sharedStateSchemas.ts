import { z } from '../core/schemaKit';
import { JsonValueSchema, PointIdSchema, TimeoutMsSchema } from '../core/schemas';
import {
  AutoMockResultsDraftSchema,
  HttpMockSchema,
  ModuleMockSchema,
} from '../core/networkSchemas';
import { TestCaseSchema } from '../core/testCases/testCaseSchema';
import { ActionDraftSchema } from '../core/actions/actionSchemas';
import {
  MAX_AUTO_MOCKS,
  MAX_FIELD_CHARS,
  MAX_HTTP_MOCKS,
  MAX_MODULE_MOCKS,
  MAX_SECRETS,
  overLimitText,
} from '../core/inputLimits';

/** Whether a zod issue is a count limit's refusal: its message says all, without a path. */
export const isCountLimitIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as { limit?: unknown } | undefined)?.limit === true;

/** A text field of a link, bounded like the hook record's (src/core/inputLimits.ts). */
const boundedText = (what: string) =>
  z
    .string()
    .check(z.maxLength(MAX_FIELD_CHARS, overLimitText(`Characters of ${what}`, MAX_FIELD_CHARS)));

/**
 * A link's secrets, name → value. The count is checked before the values are, so a link of
 * 20,000 secrets is refused at once with the limit's message.
 */
const SharedSecretsSchema = z.pipe(
  z.custom<Record<string, unknown>>(
    (value) =>
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      Object.keys(value).length <= MAX_SECRETS,
    { error: overLimitText('Secrets', MAX_SECRETS), params: { limit: true } },
  ),
  z.record(z.string(), boundedText('a secret value')),
);

/** An array refused by its length before its items are parsed. */
const boundedArray = <T extends z.ZodMiniType>(item: T, what: string, limit: number) =>
  z.pipe(
    z.custom<unknown[]>((value) => !Array.isArray(value) || value.length <= limit, {
      error: overLimitText(what, limit),
      params: { limit: true },
    }),
    z.array(item),
  );

/**
 * Version 1 of what a share link carries. Links live on in tickets and chats, so every
 * version's schema stays here unchanged and keeps being read; only the newest is written.
 */
export const SharedStateV1Schema = z.object({
  v: z.literal(1),
  point: PointIdSchema,
  code: z.string(),
  /** The parsed payload JSON (not its text). */
  payload: JsonValueSchema,
  timeoutMs: z.optional(TimeoutMsSchema),
  /** At most MAX_SECRETS, each value at most MAX_FIELD_CHARS (src/core/inputLimits.ts). */
  secrets: z.optional(SharedSecretsSchema),
  /** HTTP mocks in order (the first match answers); present only when there are some. */
  mocks: z.optional(
    boundedArray(
      z.extend(HttpMockSchema, { body: boundedText('a mock body') }),
      'HTTP mocks',
      MAX_HTTP_MOCKS,
    ),
  ),
  /** Module mocks (code assigning `module.exports`); present only when there are some. */
  modules: z.optional(
    boundedArray(
      z.extend(ModuleMockSchema, { code: boundedText('a module mock') }),
      'Module mocks',
      MAX_MODULE_MOCKS,
    ),
  ),
  /** Names of modules answered by a recording proxy; present only when there are some. */
  autoMocks: z.optional(
    boundedArray(z.string().check(z.minLength(1)), 'Auto-mocks', MAX_AUTO_MOCKS),
  ),
  /** Present (true) only when unmatched requests go out for real. */
  allowNetwork: z.optional(z.boolean()),
});
export type SharedStateV1 = z.infer<typeof SharedStateV1Schema>;

/** Every secret a link withholds is in `secrets` with the value "". */
function withheldSecretsAreEmpty(
  state: { secrets?: Record<string, string>; redactedSecrets?: string[] },
  ctx: z.core.$RefinementCtx,
): void {
  state.redactedSecrets?.forEach((name, index) => {
    if (state.secrets?.[name] !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['redactedSecrets', index],
        message: `the withheld secret ${name} must be in secrets with the value ""`,
      });
    }
  });
}

const v2Fields = {
  v: z.literal(2),
  /** The hook's name, as the sender had it (not checked against the name rule). */
  name: z.optional(z.string()),
  /** Declared npm dependencies, name → version; present only when there are some. */
  dependencies: z.optional(z.record(z.string(), z.string())),
  /**
   * Secrets whose values were withheld: each is in `secrets` with the value "", so the
   * receiver sees which secrets the hook needs and that their values were not shared.
   */
  redactedSecrets: z.optional(boundedArray(z.string(), 'Secrets', MAX_SECRETS)),
};

/**
 * Version 2: a link carries a hook (its name and declared dependencies), and may name
 * secrets without their values. Whether the hook is enabled is not shared: that is a
 * decision of the receiver's workspace.
 */
export const SharedStateV2Schema = z
  .extend(SharedStateV1Schema, v2Fields)
  .check(z.superRefine(withheldSecretsAreEmpty));
export type SharedStateV2 = z.infer<typeof SharedStateV2Schema>;

/** A test as a link carries it: without its id, which means nothing in the receiver's workspace. */
export const SharedTestSchema = z.omit(TestCaseSchema, { id: true });
export type SharedTest = z.infer<typeof SharedTestSchema>;

/**
 * Version 3: the hook's tests travel with it (a link reproduces what the hook should do, not
 * only what it does). A test's override secrets follow the hook's: their values are "" unless
 * the sender included secrets. A hook ported to an Action carries its Action draft (code,
 * dependencies, port notes): an optional field, so links written before it keep opening.
 */
export const SharedStateV3Schema = z
  .extend(SharedStateV1Schema, {
    ...v2Fields,
    v: z.literal(3),
    /** The hook's tests, in order; present only when there are some. */
    tests: z.optional(z.array(SharedTestSchema)),
    /** The hook's Action draft ("Port to Action"); present only when the hook has one. */
    action: z.optional(ActionDraftSchema),
    /**
     * What auto-mocked calls resolve to, by call path, the JSON as typed; present only when
     * there are some (at most MAX_AUTO_MOCK_RESULTS).
     */
    autoMockResults: z.optional(AutoMockResultsDraftSchema),
  })
  .check(z.superRefine(withheldSecretsAreEmpty));
export type SharedStateV3 = z.infer<typeof SharedStateV3Schema>;

/** Every version a link may carry, told apart by `v`. */
export const SharedStateSchema = z.discriminatedUnion('v', [
  SharedStateV1Schema,
  SharedStateV2Schema,
  SharedStateV3Schema,
]);
export type AnySharedState = z.infer<typeof SharedStateSchema>;

/** The version links are written in; decoded links are upgraded to it. */
export const SHARE_LINK_VERSION = 3;
/** The schema of the newest version, which the encoder writes. */
export const SharedStateLatestSchema = SharedStateV3Schema;
/** The newest shape: what the encoder writes and what decoding returns, whatever the link's version. */
export type SharedState = SharedStateV3;

/** A link's state in the newest shape. Each step adds only optional fields, so the content stays as it was. */
export function upgradeSharedState(state: AnySharedState): SharedState {
  switch (state.v) {
    case 1:
    case 2:
      return { ...state, v: 3 };
    case 3:
      return state;
  }
}
