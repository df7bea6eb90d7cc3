import { z } from 'zod';
import { describeZodError } from './describeZodError';
import { errorText } from './errorText';
import { HookRecordSchema, type HookDraft, type HookRecord } from './hookRecord';
import type { ExportOptions } from './exportHooks';

export const WORKSPACE_FILE_FORMAT = 'hookpad-workspace';
export const WORKSPACE_FILE_VERSION = 1;

/** Hookpad's own export: whole records, so versions, storage and settings survive. */
export const WorkspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  version: z.literal(WORKSPACE_FILE_VERSION),
  /** Epoch milliseconds. */
  exportedAt: z.number(),
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
  hooks: z.array(z.unknown(), { error: 'missing or not a list' }),
});

/** The draft with every secret's value replaced by an empty one flagged `notExported`. */
function hideSecrets(draft: HookDraft): HookDraft {
  return {
    ...draft,
    secrets: draft.secrets.map((secret) => ({ ...secret, value: '', notExported: true })),
  };
}

/**
 * The hooks as a pretty-printed workspace file. Unless `includeSecrets`, every secret value
 * (in the draft and in each saved version) is left out and marked `notExported`.
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
  const { version, hooks: items } = envelope.data;
  if (version !== WORKSPACE_FILE_VERSION) {
    return {
      hooks: [],
      problems: [
        `Workspace file version ${version} is not supported: this Hookpad reads version ${WORKSPACE_FILE_VERSION}.`,
      ],
    };
  }
  const hooks: HookRecord[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const parsed = HookRecordSchema.safeParse(item);
    if (parsed.success) {
      hooks.push(parsed.data);
      return;
    }
    const name = readableName(item);
    const which = name === undefined ? `hooks[${index}]` : `hooks[${index}] "${name}"`;
    problems.push(`${which} was skipped: ${describeZodError(parsed.error)}.`);
  });
  return { hooks, problems };
}

function readableName(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const name = (item as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}
