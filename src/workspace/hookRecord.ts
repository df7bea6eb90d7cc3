import { z } from '../core/schemaKit';
import { PointIdSchema, StorageStateSchema, TimeoutMsSchema } from '../core/schemas';
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

/**
 * The workspace's records: the single source of truth for what is stored (IndexedDB),
 * exported (workspace JSON), synchronised between tabs and held by the store.
 */

/** The Management API's hook name rule. */
export const HOOK_NAME_PATTERN = /^[a-zA-Z0-9]([ \-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
export const HOOK_NAME_RULE =
  'A hook name uses letters, digits, spaces and hyphens, and starts and ends with a letter or digit.';
export const HookNameSchema = z.string().check(z.regex(HOOK_NAME_PATTERN, HOOK_NAME_RULE));

/** One secret as the user edits it. `id` addresses the row across renames. */
export const SecretRowSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  value: z
    .string()
    .check(
      z.maxLength(MAX_FIELD_CHARS, overLimitText('Characters of a secret value', MAX_FIELD_CHARS)),
    ),
  /** Imported from an export that hid the value (`_VALUE_NOT_SHOWN_`): the value is empty. */
  notExported: z.optional(z.boolean()),
});
export type SecretRow = z.infer<typeof SecretRowSchema>;

/**
 * Network settings as edited: module rows the user has not named yet are kept. Every list
 * and text is bounded (src/core/inputLimits.ts): a record beyond them is refused on import
 * and kept aside on load, so no input can make the page render thousands of rows.
 */
export const NetworkDraftSchema = z.object({
  mocks: z
    .array(
      z.extend(HttpMockSchema, {
        body: z
          .string()
          .check(
            z.maxLength(
              MAX_FIELD_CHARS,
              overLimitText('Characters of a mock body', MAX_FIELD_CHARS),
            ),
          ),
      }),
    )
    .check(z.maxLength(MAX_HTTP_MOCKS, overLimitText('HTTP mocks', MAX_HTTP_MOCKS))),
  allowNetwork: z.boolean(),
  moduleMocks: z
    .array(
      z.extend(ModuleMockSchema, {
        name: z.string(),
        code: z
          .string()
          .check(
            z.maxLength(
              MAX_FIELD_CHARS,
              overLimitText('Characters of a module mock', MAX_FIELD_CHARS),
            ),
          ),
      }),
    )
    .check(z.maxLength(MAX_MODULE_MOCKS, overLimitText('Module mocks', MAX_MODULE_MOCKS))),
  autoMocks: z
    .array(z.string())
    .check(z.maxLength(MAX_AUTO_MOCKS, overLimitText('Auto-mocks', MAX_AUTO_MOCKS))),
  /** Results of auto-mocked calls; the JSON text may be invalid while typing. Absent: none. */
  autoMockResults: z.optional(AutoMockResultsDraftSchema),
});

/** What the user edits and runs: everything a saved version freezes. */
export const HookDraftSchema = z.object({
  code: z.string(),
  /** Text: invalid JSON is a legitimate state while typing. */
  payloadText: z.string(),
  secrets: z
    .array(SecretRowSchema)
    .check(z.maxLength(MAX_SECRETS, overLimitText('Secrets', MAX_SECRETS))),
  network: NetworkDraftSchema,
  /** Declared npm dependencies, name → version (the platform's `dependencies`). */
  dependencies: z.record(z.string(), z.string()),
  /** The hook's Action draft, once "Port to Action" made one (docs/runtime-semantics.md §18). */
  action: z.optional(ActionDraftSchema),
});
export type HookDraft = z.infer<typeof HookDraftSchema>;

/** An immutable saved version. */
export const HookVersionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Epoch milliseconds. */
  savedAt: z.number(),
  /** Optional; '' when the user gave none. */
  message: z.string(),
  pointId: PointIdSchema,
  draft: HookDraftSchema,
});
export type HookVersion = z.infer<typeof HookVersionSchema>;

export const HookRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Kept even when it breaks the name rule (an import may carry one); export reports it. */
  name: z.string(),
  pointId: PointIdSchema,
  /** At most one enabled hook per point, as on the platform. */
  enabled: z.boolean(),
  draft: HookDraftSchema,
  /** The hook's webtask storage, kept across runs. */
  storage: StorageStateSchema,
  /** Oldest first. */
  versions: z.array(HookVersionSchema),
  /** The hook's saved test cases, in the order the Tests region lists them. */
  tests: z.array(TestCaseSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  /**
   * Incremented by every stored change. A tab writes only over the revision it last saw,
   * so two tabs' edits of one hook never silently overwrite each other.
   */
  rev: z.number().check(z.int(), z.gte(0)),
  /** The share link this hook was opened from (its digest), so opening it again finds it. */
  openedFrom: z.optional(z.string()),
});
export type HookRecord = z.infer<typeof HookRecordSchema>;

/** Per-browser settings that are not part of any hook. */
export const WorkspaceSettingsSchema = z.object({
  selectedHookId: z.nullable(z.string()),
  timeoutMs: TimeoutMsSchema,
  codePaneFraction: z.number().check(z.gte(0), z.lte(1)),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

/** The stored layout's version; raise it with a migration in the persistence layer. */
export const WORKSPACE_SCHEMA_VERSION = 2;
