import { z } from '../core/schemaKit';
import { describeZodError } from './describeZodError';
import { endSentence, errorText } from './errorText';
import { HookRecordSchema, type HookDraft, type HookRecord } from './hookRecord';
import type { ExportOptions } from './exportHooks';
import {
  hiddenTestSecretsWarning,
  hideTestSecrets,
  testsSetSecrets,
} from './testCases/hideTestSecrets';

export const WORKSPACE_FILE_FORMAT = 'hookpad-workspace';
/** 2: each record carries its `tests`. Version 1 files (no tests) still import. */
export const WORKSPACE_FILE_VERSION = 2;

/** Hookpad's own export: whole records, so versions, storage, settings and tests survive. */
export const WorkspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  version: z.literal(WORKSPACE_FILE_VERSION),
  /** Epoch milliseconds. */
  exportedAt: z.number(),
  /**
   * Present (true) when secret values were left out: the drafts' rows say so one by one
   * (`notExported`), the tests' override secrets have no such flag and are "" instead.
   */
  secretValuesHidden: z.optional(z.literal(true)),
  hooks: z.array(HookRecordSchema),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/** The envelope alone: each record is checked on its own so one bad record spares the rest. */
const EnvelopeSchema = z.object({
  format: z.literal(WORKSPACE_FILE_FORMAT, {
    error: `not a Hookpad workspace file (format must be "${WORKSPACE_FILE_FORMAT}")`,
  }),
  version: z.number({ error: 'missing or not a number' }),
  exportedAt: z.number({ error: 'missing or not a number' }),
  secretValuesHidden: z.optional(z.boolean()),
  hooks: z.array(z.unknown(), { error: 'missing or not a list' }),
});

/** Version 1 records had no tests: they get none. Anything not an object is left to the schema. */
function upgradeRecord(item: unknown, version: number): unknown {
  if (version > 1 || typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  return 'tests' in item ? item : { ...item, tests: [] };
}

/** The draft with every secret's value replaced by an empty one flagged `notExported`. */
function hideSecrets(draft: HookDraft): HookDraft {
  return {
    ...draft,
    secrets: draft.secrets.map((secret) => ({ ...secret, value: '', notExported: true })),
  };
}

/**
 * The hooks as a pretty-printed workspace file. Unless `includeSecrets`, every secret value
 * (in the draft and in each saved version) is left out and marked `notExported`, every
 * secret value a test's overrides set is "", and the file says `secretValuesHidden: true`.
 */
export function exportWorkspaceJson(
  hooks: readonly HookRecord[],
  options: ExportOptions,
  now: number = Date.now(),
): string {
  const file: WorkspaceFile = {
    format: WORKSPACE_FILE_FORMAT,
    version: WORKSPACE_FILE_VERSION,
    exportedAt: now,
    ...(options.includeSecrets ? {} : { secretValuesHidden: true as const }),
    hooks: hooks.map((hook) =>
      options.includeSecrets
        ? hook
        : {
            ...hook,
            draft: hideSecrets(hook.draft),
            versions: hook.versions.map((version) => ({
              ...version,
              draft: hideSecrets(version.draft),
            })),
            tests: hideTestSecrets(hook.tests),
          },
    ),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The records of a workspace file. Never throws: a file that is not one is a single problem;
 * a record that fails the schema is reported (its index, its name when readable, why) and
 * the others are kept.
 */
export function parseWorkspaceJson(text: string): { hooks: HookRecord[]; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { hooks: [], problems: [`Not valid JSON: ${errorText(error)}.`] };
  }
  const envelope = EnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    return {
      hooks: [],
      problems: [`Not a Hookpad workspace file: ${describeZodError(envelope.error)}.`],
    };
  }
  const { version, hooks: items, secretValuesHidden } = envelope.data;
  if (!Number.isInteger(version) || version < 1 || version > WORKSPACE_FILE_VERSION) {
    return {
      hooks: [],
      problems: [
        `Workspace file version ${version} is not supported: this Hookpad reads versions 1 to ${WORKSPACE_FILE_VERSION}.`,
      ],
    };
  }
  const hooks: HookRecord[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const parsed = HookRecordSchema.safeParse(upgradeRecord(item, version));
    if (parsed.success) {
      hooks.push(parsed.data);
      if (secretValuesHidden === true && testsSetSecrets(parsed.data.tests)) {
        problems.push(hiddenTestSecretsWarning(parsed.data.name));
      }
      return;
    }
    const name = readableName(item);
    const which = name === undefined ? `hooks[${index}]` : `hooks[${index}] "${name}"`;
    problems.push(endSentence(`${which} was skipped: ${describeZodError(parsed.error)}`));
  });
  return { hooks, problems };
}

function readableName(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const name = (item as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}
