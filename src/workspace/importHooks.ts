import { PointIdSchema } from '../core/schemas';
import { deployCliRecord, looksLikeCode } from './deployCliRecord';
import { DeployCliHookSchema } from './deployCliHookSchema';
import { describeZodError } from './describeZodError';
import { endSentence, errorText } from './errorText';
import { expandImportFiles, type ImportEntry } from './expandImportFiles';
import { guessPoint } from './guessPoint';
import { attachActions, isActionJson, readActionJson, type FoundAction } from './importActions';
import { importTenantYaml } from './importTenantYaml';
import { HOOK_NAME_PATTERN, HOOK_NAME_RULE, type HookRecord } from './hookRecord';
import { hookNameFromFileName } from './hookNameFromFileName';
import { HOOK_TESTS_FORMAT } from './hookTestsFile';
import {
  attachHookTests,
  isInHookTestsFolder,
  readHookTests,
  type FoundHookTests,
} from './importHookTests';
import { isInHooksFolder, isInOtherAssetFolder, isLoose } from './importLocation';
import { newHook, newId, starterHookDraft } from './newHook';
import { NOTHING_FOUND, reportEmptyZips, selectionName } from './nothingFound';
import { baseNameOf, extensionOf, folderOf, resolvePath, stemOf } from './resolvePath';
import { freshTestIds } from './testCases/freshTestIds';
import { parseWorkspaceJson } from './workspaceJson';

/**
 * A file to import. `path` uses '/' separators: a file name, a webkitRelativePath like
 * "tenant/hooks/a.js", or a dropped zip.
 */
export interface ImportFile {
  path: string;
  bytes: Uint8Array;
}
export interface ImportProblem {
  file: string;
  message: string;
}
export interface ImportedHook {
  /** Built with newHook(): a fresh id, rev 0. */
  record: HookRecord;
  /** The file it came from. */
  source: string;
  /** A single .js: the point was guessed from the signature; the user is asked to confirm. */
  pointGuessed?: true;
}
export interface ImportResult {
  hooks: ImportedHook[];
  problems: ImportProblem[];
}

const HOOK_FILE_KINDS = new Set(['.js', '.json', '.yaml', '.yml']);

/** Where an item of a json or yaml file sits, for resolving its script and naming problems. */
export interface ItemSource {
  file: string;
  folder: string;
  container: string;
  /** How a problem names the item inside its file ('' for a json that holds one hook). */
  label: string;
  /** A json's same-named .js ("./<name>.js"): its code when the json names no script. */
  sameNamedScript?: string;
}

/**
 * Hooks from deploy-cli directory exports (`hooks/<name>.json` + `.js`, current and older
 * field names), tenant YAML files, zips of either, single `.js` files (point guessed) and
 * Hookpad workspace files, in any mix; the tests of an export's `hookpad-tests/` join the
 * hooks they name, and its Actions (`actions/`, `actions:`) the hooks they are named after. Never throws: whatever cannot be imported is a
 * problem naming its file, and everything else is still imported.
 */
export function importFiles(files: readonly ImportFile[]): ImportResult {
  const hooks: ImportedHook[] = [];
  const problems: ImportProblem[] = [];
  try {
    const expanded = expandImportFiles(files);
    problems.push(...expanded.problems);
    importEntries(expanded.entries, hooks, problems);
    reportEmptyZips(expanded.zips, hooks, problems);
  } catch (error) {
    problems.push({
      file: files[0]?.path ?? 'import',
      message: `The import stopped unexpectedly: ${errorText(error)}.`,
    });
  }
  if (hooks.length === 0 && problems.length === 0 && files.length > 0) {
    problems.push({ file: selectionName(files), message: `No hooks found: ${NOTHING_FOUND}.` });
  }
  const bySource = (a: { source?: string; file?: string }, b: typeof a) => {
    const x = a.source ?? a.file ?? '';
    const y = b.source ?? b.file ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Stable sorts: a yaml's hooks keep their list order.
  hooks.sort(bySource);
  problems.sort(bySource);
  return { hooks, problems };
}

function importEntries(
  entries: readonly ImportEntry[],
  hooks: ImportedHook[],
  problems: ImportProblem[],
): void {
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  /** `hookpad-tests/` files, put onto their hooks once every hook is read. */
  const testFiles: FoundHookTests[] = [];
  const readTests = (entry: ImportEntry, text: string) => {
    const found = readHookTests(entry, text, problems);
    if (found) testFiles.push(found);
  };
  /** Scripts a json or yaml item owns: they are not imported again as single files. */
  const referenced = new Set<string>();
  const decoder = new TextDecoder();
  const read = (entry: ImportEntry) => decoder.decode(entry.bytes);
  /** Actions, put onto their hooks (or made hooks) once every hook is read. */
  const actions: FoundAction[] = [];
  const readReferenced = (path: string): string | undefined => {
    const entry = byPath.get(path);
    if (entry === undefined) return undefined;
    referenced.add(path);
    return read(entry);
  };
  const problem = (file: string, message: string) => problems.push({ file, message });

  const added = (record: HookRecord, source: string, where: string) => {
    hooks.push({ record, source });
    if (!HOOK_NAME_PATTERN.test(record.name)) {
      problem(
        source,
        `${where}Warning: the name "${record.name}" breaks the platform's name rule. ${HOOK_NAME_RULE} ` +
          'It was kept as it is, but the platform would refuse it.',
      );
    }
  };

  const loadScript = (
    reference: string,
    field: string,
    at: ItemSource,
  ): { code: string } | { missing: string } => {
    if (looksLikeCode(reference)) return { code: reference };
    const resolved = resolvePath(at.folder, reference);
    let entry = resolved === undefined ? undefined : byPath.get(resolved);
    if (!entry) {
      // Files dropped without their folders: the one .js of that name in the same import.
      const base = baseNameOf(reference.replace(/\\/g, '/'));
      const sameName = entries.filter(
        (candidate) =>
          candidate.container === at.container &&
          extensionOf(candidate.path) === '.js' &&
          baseNameOf(candidate.path) === base,
      );
      if (sameName.length === 1) entry = sameName[0];
    }
    if (!entry) {
      const expected = resolved === undefined ? '' : ` (expected ${resolved})`;
      return { missing: `${field} "${reference}" is not among the imported files${expected}` };
    }
    referenced.add(entry.path);
    return { code: read(entry) };
  };

  const importItem = (value: unknown, at: ItemSource): void => {
    const where = at.label === '' ? '' : `${at.label}: `;
    // Owned even when the item fails below, so its script is not guessed as a hook of its own.
    const reference = rawScript(value);
    if (reference !== undefined && !looksLikeCode(reference)) {
      const resolved = resolvePath(at.folder, reference);
      if (resolved !== undefined) referenced.add(resolved);
    }

    const parsed = DeployCliHookSchema.safeParse(value);
    if (!parsed.success) {
      problem(at.file, endSentence(`${where}Not imported: ${describeZodError(parsed.error)}`));
      return;
    }
    const item = parsed.data;
    const hookName = `Hook "${item.name}"`;
    const point = PointIdSchema.safeParse(item.triggerId);
    if (!point.success) {
      problem(
        at.file,
        `${where}${hookName} not imported: unknown triggerId "${item.triggerId}" ` +
          `(Hookpad knows ${PointIdSchema.options.join(', ')}).`,
      );
      return;
    }
    const field = item.script !== undefined ? 'script' : 'code';
    const script = item.script ?? item.code;
    // deploy-cli finds a hook's code in the .js named like its .json when the json names none.
    const path = script ?? at.sameNamedScript;
    const loaded = path === undefined ? undefined : loadScript(path, field, at);
    if (loaded === undefined || 'missing' in loaded) {
      const why =
        script === undefined || loaded === undefined
          ? 'it has no script (the path of its .js file)'
          : loaded.missing;
      problem(at.file, `${where}${hookName} not imported: ${why}.`);
      return;
    }
    added(deployCliRecord(item, point.data, loaded.code), at.file, where);
  };

  const importJson = (entry: ImportEntry): void => {
    const text = read(entry);
    if (isInHookTestsFolder(entry)) {
      readTests(entry, text);
      return;
    }
    if (isActionJson(entry)) {
      const action = readActionJson(entry, text, readReferenced, problems);
      if (action) actions.push(action);
      return;
    }
    const siblingScript = `${folderOf(entry.path)}${folderOf(entry.path) === '' ? '' : '/'}${stemOf(entry.path)}.js`;
    // deploy-cli pairs <name>.json with <name>.js for rules too: a pair counts outside those folders.
    const byLocation =
      isInHooksFolder(entry) ||
      isLoose(entry) ||
      (byPath.has(siblingScript) && !isInOtherAssetFolder(entry));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // A broken json elsewhere in a tenant export is another asset's business.
      if (byLocation) {
        referenced.add(siblingScript);
        problem(entry.path, `Not valid JSON: ${errorText(error)}.`);
      }
      return;
    }
    if (isObject(value) && value.format === 'hookpad-workspace') {
      importWorkspace(entry, text);
      return;
    }
    if (isObject(value) && value.format === HOOK_TESTS_FORMAT) {
      readTests(entry, text);
      return;
    }
    if (!byLocation && !(isObject(value) && 'triggerId' in value)) return;
    referenced.add(siblingScript);
    importItem(value, {
      file: entry.path,
      folder: folderOf(entry.path),
      container: entry.container,
      label: '',
      sameNamedScript: `./${stemOf(entry.path)}.js`,
    });
  };

  const importWorkspace = (entry: ImportEntry, text: string): void => {
    const parsed = parseWorkspaceJson(text);
    for (const message of parsed.problems) problem(entry.path, message);
    for (const record of parsed.hooks) {
      const fresh = newHook({
        pointId: record.pointId,
        name: record.name,
        draft: record.draft,
        enabled: record.enabled,
      });
      added(
        {
          ...fresh,
          storage: record.storage,
          versions: record.versions.map((version) => ({ ...version, id: newId('version') })),
          tests: freshTestIds(record.tests),
        },
        entry.path,
        '',
      );
    }
  };

  const importScript = (entry: ImportEntry): void => {
    const code = read(entry);
    const pointId = guessPoint(code);
    const record = newHook({
      pointId,
      name: hookNameFromFileName(entry.path),
      draft: { ...starterHookDraft(pointId), code },
    });
    hooks.push({ record, source: entry.path, pointGuessed: true });
  };

  const ofKind = (...kinds: string[]) =>
    entries.filter((entry) => kinds.includes(extensionOf(entry.path)));
  for (const entry of ofKind('.json')) importJson(entry);
  for (const entry of ofKind('.yaml', '.yml')) {
    try {
      actions.push(...importTenantYaml(entry, read(entry), importItem, readReferenced, problems));
    } catch (error) {
      problem(entry.path, `Could not read this YAML file: ${errorText(error)}.`);
    }
  }
  for (const entry of ofKind('.js')) {
    if (!referenced.has(entry.path) && !isInOtherAssetFolder(entry)) importScript(entry);
  }
  for (const entry of entries) {
    if (isLoose(entry) && entry.container === '' && !HOOK_FILE_KINDS.has(extensionOf(entry.path))) {
      problem(
        entry.path,
        'Not a hook file: Hookpad imports .js, .json, .yaml, .yml and .zip files.',
      );
    }
  }
  attachActions(actions, hooks, problems);
  attachHookTests(testFiles, hooks, problems);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rawScript(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const script = value.script ?? value.code;
  return typeof script === 'string' ? script : undefined;
}
