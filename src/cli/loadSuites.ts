import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { HookRecord } from '../workspace/hookRecord';
import { HOOK_TESTS_FOLDER } from '../workspace/hookTestsFile';
import { importFiles, type ImportFile, type ImportProblem } from '../workspace/importHooks';

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

/**
 * Whether an import problem is a tests file (or one test of it) the import left out. The app
 * imports the rest and warns; a CI run must not skip tests silently, so here it is an error.
 */
const skippedTests = (problem: ImportProblem): boolean =>
  problem.file.split('/').includes(HOOK_TESTS_FOLDER) && problem.message.includes('not imported');

/**
 * The hooks with tests in `path`: a deploy-cli export (folder, tenant.yaml, or a zip of
 * either) with its `hookpad-tests/` files, or a workspace .json, read by the app's own import.
 * What the import skips is a warning, except tests it could not use: an InputError.
 */
export async function loadSuites(
  path: string,
): Promise<{ suites: HookSuite[]; warnings: string[] }> {
  const imported = importFiles(await inputFiles(path));
  const text = (problem: ImportProblem) => `${problem.file}: ${problem.message}`;
  // The app's import words these as warnings; here they stop the run.
  const errors = imported.problems
    .filter(skippedTests)
    .map((problem) => text(problem).replace(': Warning: ', ': '));
  if (errors.length > 0) throw new InputError(errors.join('\n'));
  const warnings = imported.problems.map(text);
  const hooks = imported.hooks.map((hook) => hook.record);
  if (hooks.length === 0) {
    throw new InputError(
      `No hooks found in ${path}.${warnings.length > 0 ? `\n${warnings.join('\n')}` : ''}`,
    );
  }
  return {
    suites: hooks
      .filter((hook) => hook.tests.length > 0)
      .map((hook) => ({ hook, tests: hook.tests })),
    warnings,
  };
}
