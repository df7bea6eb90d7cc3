import { isMap, isSeq, type Document, type LineCounter } from 'yaml';
import { getPoint } from '../core/points';
import { PointIdSchema, type PointId } from '../core/schemas';
import { DeployCliActionSchema } from './deployCliActionSchema';
import { HIDDEN_SECRET_VALUE } from './deployCliHookSchema';
import { looksLikeCode } from './deployCliRecord';
import { describeZodError } from './describeZodError';
import { errorText } from './errorText';
import type { ImportEntry } from './expandImportFiles';
import { HOOK_NAME_PATTERN, HOOK_NAME_RULE, type SecretRow } from './hookRecord';
import type { ImportedHook, ImportProblem } from './importHooks';
import { newHook, newId, starterHookDraft } from './newHook';
import { baseNameOf, extensionOf, folderOf, resolvePath, stemOf } from './resolvePath';

// Actions of a deploy-cli export (docs/runtime-semantics.md §16) read onto the imported hooks:
// an Action becomes the Action draft of the hook it is named after, or a hook of its own.

/** One readable Action of the import. */
export interface FoundAction {
  /** The file declaring it: an `actions/<name>.json` or a tenant.yaml. */
  file: string;
  /** How a problem names it inside its file ('' for a json). */
  label: string;
  /** The export's root (the folder holding `actions/`, or the yaml's): its hooks pair first. */
  root: string;
  name: string;
  pointId: PointId;
  code: string;
  dependencies: Record<string, string>;
  secrets: SecretRow[];
}

/** Where an Action item sits, and where deploy-cli would look for its code. */
export interface ActionSource {
  file: string;
  label: string;
  root: string;
  /** The folders its `code` path is resolved against, in deploy-cli's order. */
  codeFolders: string[];
  /** A file to use when the path resolves to nothing (where deploy-cli writes the code). */
  conventional?: string;
}

/** `actions/<name>.json` directly in a folder named `actions`, as deploy-cli lays them out. */
export function isActionJson(entry: ImportEntry): boolean {
  return (
    extensionOf(entry.path) === '.json' &&
    baseNameOf(folderOf(entry.relative)).toLowerCase() === 'actions'
  );
}

/** Where deploy-cli's directory loader looks for the code of `actions/<name>.json`. */
export function directoryActionSource(entry: ImportEntry, name: string): ActionSource {
  const folder = folderOf(entry.path);
  return {
    file: entry.path,
    label: '',
    root: folderOf(folder),
    // context.loadFile(code, 'actions/<name>'), then the path from where deploy-cli runs.
    codeFolders: [`${folder}/${name}`, folderOf(folder)],
    conventional: `${folder}/${stemOf(entry.path)}/code.js`,
  };
}

/**
 * The Action of a deploy-cli item, or undefined with a problem naming its file. `read` gives
 * an imported file's text by path (undefined: not imported) and marks it as used.
 */
export function readAction(
  value: unknown,
  at: ActionSource,
  read: (path: string) => string | undefined,
  problems: ImportProblem[],
): FoundAction | undefined {
  const where = at.label === '' ? '' : `${at.label}: `;
  const parsed = DeployCliActionSchema.safeParse(value);
  if (!parsed.success) {
    problems.push({
      file: at.file,
      message: `${where}Action not imported: ${describeZodError(parsed.error)}.`,
    });
    return undefined;
  }
  const item = parsed.data;
  const trigger = item.supported_triggers[0]!.id;
  const point = PointIdSchema.safeParse(trigger);
  if (!point.success) {
    problems.push({
      file: at.file,
      message:
        `${where}Warning: the Action "${item.name}" was not imported: its trigger "${trigger}" ` +
        `has no hook point (Hookpad knows ${PointIdSchema.options.join(', ')}).`,
    });
    return undefined;
  }
  const code = codeOf(item.code, at, read);
  if (code === undefined) {
    const expected = resolvePath(at.root, item.code);
    problems.push({
      file: at.file,
      message:
        `${where}Action "${item.name}" not imported: code "${item.code}" is not among the ` +
        `imported files${expected === undefined ? '' : ` (expected ${expected})`}.`,
    });
    return undefined;
  }
  return {
    file: at.file,
    label: at.label,
    root: at.root,
    name: item.name,
    pointId: point.data,
    code,
    dependencies: Object.fromEntries(
      (item.dependencies ?? []).map((dependency) => [dependency.name, dependency.version]),
    ),
    secrets: (item.secrets ?? []).map(({ name, value }) =>
      value === HIDDEN_SECRET_VALUE
        ? { id: newId('secret'), name, value: '', notExported: true }
        : { id: newId('secret'), name, value },
    ),
  };
}

/** The Action of an `actions/<name>.json`, or undefined with a problem naming the file. */
export function readActionJson(
  entry: ImportEntry,
  text: string,
  read: (path: string) => string | undefined,
  problems: ImportProblem[],
): FoundAction | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push({ file: entry.path, message: `Not valid JSON: ${errorText(error)}.` });
    return undefined;
  }
  const name = (value as { name?: unknown } | null)?.name;
  const at = directoryActionSource(entry, typeof name === 'string' ? name : stemOf(entry.path));
  return readAction(value, at, read, problems);
}

/** The Actions of a tenant.yaml's `actions:` list (paths relative to the yaml's folder). */
export function readYamlActions(
  doc: Document,
  lineCounter: LineCounter,
  file: string,
  read: (path: string) => string | undefined,
  problems: ImportProblem[],
): FoundAction[] {
  const root = doc.contents;
  const list = isMap(root) ? root.get('actions', true) : undefined;
  if (list === undefined || list === null || (!isSeq(list) && isEmptyScalar(list))) return [];
  if (!isSeq(list)) {
    problems.push({ file, message: 'The "actions:" key does not hold a list.' });
    return [];
  }
  const values: unknown = (doc.toJS({ maxAliasCount: 100 }) as { actions?: unknown }).actions;
  const folder = folderOf(file);
  return list.items.flatMap((node, index) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const line = range ? ` (line ${lineCounter.linePos(range[0]).line})` : '';
    const at = { file, label: `actions[${index}]${line}`, root: folder, codeFolders: [folder] };
    const value = Array.isArray(values) ? (values[index] as unknown) : undefined;
    return readAction(value, at, read, problems) ?? [];
  });
}

const isEmptyScalar = (node: unknown): boolean =>
  (node as { value?: unknown } | null)?.value === null;

function codeOf(
  reference: string,
  at: ActionSource,
  read: (path: string) => string | undefined,
): string | undefined {
  if (looksLikeCode(reference)) return reference;
  const candidates = at.codeFolders.map((folder) => resolvePath(folder, reference));
  // deploy-cli writes the path with its output folder in front ("tenant/actions/x/code.js").
  const inActions = reference.replace(/\\/g, '/').lastIndexOf('actions/');
  if (inActions > 0) candidates.push(resolvePath(at.root, reference.slice(inActions)));
  if (at.conventional !== undefined) candidates.push(at.conventional);
  for (const path of candidates) {
    const text = path === undefined || path === '' ? undefined : read(path);
    if (text !== undefined) return text;
  }
  return undefined;
}

const within = (root: string, path: string) => root === '' || path.startsWith(`${root}/`);

/**
 * Each Action onto the imported hook of its name and point (from the same export first):
 * its code and dependencies become that hook's Action draft, and its secrets the hook lacks
 * are added. An Action with no such hook becomes a new hook at its trigger's point, with the
 * point's starter code and the Action as its Action draft; a warning says so.
 */
export function attachActions(
  found: readonly FoundAction[],
  hooks: ImportedHook[],
  problems: ImportProblem[],
): void {
  for (const action of found) {
    const where = action.label === '' ? '' : `${action.label}: `;
    const named = hooks.filter(
      (hook) =>
        hook.record.name === action.name &&
        hook.record.pointId === action.pointId &&
        hook.record.draft.action === undefined,
    );
    const target =
      named.find((hook) => within(action.root, hook.source)) ??
      (named.length === 1 ? named[0] : undefined);
    const draftAction = { code: action.code, dependencies: action.dependencies, notes: [] };
    if (target !== undefined) {
      const { draft } = target.record;
      const known = new Set(draft.secrets.map((row) => row.name));
      const secrets = [...draft.secrets, ...action.secrets.filter((row) => !known.has(row.name))];
      target.record = { ...target.record, draft: { ...draft, secrets, action: draftAction } };
      continue;
    }
    const point = getPoint(action.pointId).label;
    hooks.push({
      record: newHook({
        pointId: action.pointId,
        name: action.name,
        draft: {
          ...starterHookDraft(action.pointId),
          secrets: action.secrets,
          action: draftAction,
        },
      }),
      source: action.file,
    });
    const rule = HOOK_NAME_PATTERN.test(action.name)
      ? ''
      : ` Its name breaks the platform's hook name rule (${HOOK_NAME_RULE}) and was kept as it is.`;
    problems.push({
      file: action.file,
      message:
        `${where}Warning: no imported hook of the point ${point} is named "${action.name}", so ` +
        `the Action became a new hook at ${point} with the point's starter code and the ` +
        `Action as its Action draft.${rule}`,
    });
  }
}
