import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { expandImportFiles } from '../workspace/expandImportFiles';
import type { HookRecord } from '../workspace/hookRecord';
import { importFiles, type ImportFile } from '../workspace/importHooks';
import { parseWorkspaceJson, WORKSPACE_FILE_FORMAT } from '../workspace/workspaceJson';
import { TESTS_FOLDER, readHookTests } from './hookTestFiles';

/** Input the runner cannot use: the CLI says why and exits 2. */
export class InputError extends Error {}

/** A hook and its tests, in the order the export lists them. */
export interface HookSuite {
  hook: HookRecord;
  tests: TestCase[];
}

const READ_EXTENSIONS = new Set(['.js', '.json', '.yaml', '.yml', '.zip']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The files of a folder that an import may use, named as a browser names a picked folder. */
async function folderFiles(root: string): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const item of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, item.name);
      if (item.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(item.name)) await walk(full);
      } else if (item.isFile() && READ_EXTENSIONS.has(extname(item.name).toLowerCase())) {
        const path = [basename(root), ...relative(root, full).split(sep)].join('/');
        files.push({ path, bytes: new Uint8Array(await readFile(full)) });
      }
    }
  };
  await walk(root);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function inputFiles(path: string): Promise<ImportFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT'
        ? `Cannot read ${path}: no such file or folder.`
        : `Cannot read ${path}: ${String(error)}`,
    );
  }
  if (info.isDirectory()) return folderFiles(path);
  // A tenant.yaml names its scripts relative to its folder, and its tests sit beside it.
  if (['.yaml', '.yml'].includes(extname(path).toLowerCase())) return folderFiles(dirname(path));
  return [{ path: basename(path), bytes: new Uint8Array(await readFile(path)) }];
}

const inTestsFolder = (file: string) => file.split('/').includes(TESTS_FOLDER);

/**
 * The hooks with tests in `path`: a deploy-cli export (folder, tenant.yaml, or a zip of
 * either) with its `hookpad-tests/` files, or a workspace .json. The hooks are read by the
 * app's own import. What the import skips is a warning; tests that cannot be read, or that
 * name a hook the export lacks, are an InputError (a CI run must not skip them silently).
 */
export async function loadSuites(
  path: string,
): Promise<{ suites: HookSuite[]; warnings: string[] }> {
  const files = await inputFiles(path);
  const workspace = files.length === 1 ? workspaceFile(files[0]!) : undefined;
  if (workspace) return suitesOf(workspace.hooks, workspace.problems, path);
  const imported = importFiles(files);
  const warnings = imported.problems
    .filter((problem) => !inTestsFolder(problem.file))
    .map((problem) => `${problem.file}: ${problem.message}`);
  const hooks = imported.hooks.map((hook) => hook.record);
  requireHooks(hooks, warnings, path);

  // An export keeps its tests in hookpad-tests/. (Once the import reads that folder itself,
  // the records already carry them.)
  if (!hooks.some((hook) => hook.tests.length > 0)) {
    const { tests, problems } = readHookTests(expandImportFiles(files).entries);
    const names = new Set(hooks.map((hook) => hook.name));
    for (const name of tests.keys()) {
      if (!names.has(name))
        problems.push(`The tests of "${name}" name a hook that is not in ${path}.`);
    }
    if (problems.length > 0) throw new InputError(problems.join('\n'));
    const withTests = hooks.map((hook) => ({ ...hook, tests: tests.get(hook.name) ?? [] }));
    return suitesOf(withTests, warnings, path);
  }
  return suitesOf(hooks, warnings, path);
}

/**
 * A Hookpad workspace file's records, whole: unlike an import into the app, which makes
 * fresh hooks of them, the runner needs their tests. Undefined for any other file.
 */
function workspaceFile(file: ImportFile): { hooks: HookRecord[]; problems: string[] } | undefined {
  if (extname(file.path).toLowerCase() !== '.json') return undefined;
  const text = new TextDecoder().decode(file.bytes);
  try {
    const value: unknown = JSON.parse(text);
    if ((value as { format?: unknown } | null)?.format !== WORKSPACE_FILE_FORMAT) return undefined;
  } catch {
    return undefined;
  }
  const parsed = parseWorkspaceJson(text);
  return { hooks: parsed.hooks, problems: parsed.problems.map((p) => `${file.path}: ${p}`) };
}

function requireHooks(hooks: readonly HookRecord[], warnings: readonly string[], path: string) {
  if (hooks.length === 0) {
    throw new InputError(
      `No hooks found in ${path}.${warnings.length > 0 ? `\n${warnings.join('\n')}` : ''}`,
    );
  }
}

function suitesOf(hooks: HookRecord[], warnings: string[], path: string) {
  requireHooks(hooks, warnings, path);
  return {
    suites: hooks
      .filter((hook) => hook.tests.length > 0)
      .map((hook) => ({ hook, tests: hook.tests })),
    warnings,
  };
}
