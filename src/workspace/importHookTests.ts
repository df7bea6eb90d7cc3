import type { TestCase } from '../core/testCases/testCaseSchema';
import { describeZodError } from './describeZodError';
import { errorText } from './errorText';
import type { ImportEntry } from './expandImportFiles';
import { HOOK_TESTS_FOLDER, parseHookTestsFile } from './hookTestsFile';
import type { ImportedHook, ImportProblem } from './importHooks';
import { baseNameOf, folderOf } from './resolvePath';
import { freshTestIds } from './testCases/freshTestIds';
import { hiddenTestSecretsWarning, testsSetSecrets } from './testCases/hideTestSecrets';

// The `hookpad-tests/` folder of a deploy-cli export (hookTestsFile.ts) read back onto the
// hooks it names. Nothing here fails an import: a tests file that cannot be used is a warning.

/** One readable tests file of the import. */
export interface FoundHookTests {
  file: string;
  /** The folder holding `hookpad-tests/` (its export's root): its hooks are looked at first. */
  root: string;
  hook: string;
  secretValuesHidden: boolean;
  tests: TestCase[];
}

/** Directly inside a folder named `hookpad-tests`. */
export function isInHookTestsFolder(entry: ImportEntry): boolean {
  return baseNameOf(folderOf(entry.relative)).toLowerCase() === HOOK_TESTS_FOLDER;
}

/** The tests of a tests file, or undefined with a warning naming the file and the problem. */
export function readHookTests(
  entry: ImportEntry,
  text: string,
  problems: ImportProblem[],
): FoundHookTests | undefined {
  const warn = (message: string) =>
    problems.push({ file: entry.path, message: `Warning: ${message}` });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    warn(`these tests were not imported: not valid JSON: ${errorText(error)}.`);
    return undefined;
  }
  const parsed = parseHookTestsFile(value);
  if (!parsed.ok) {
    warn(
      `these tests were not imported: not a Hookpad tests file: ${describeZodError(parsed.error)}.`,
    );
    return undefined;
  }
  for (const { index, name, error } of parsed.skipped) {
    const which = name === undefined ? `tests[${index}]` : `tests[${index}] "${name}"`;
    warn(`${which} was not imported: ${describeZodError(error)}.`);
  }
  const folder = folderOf(entry.path);
  return {
    file: entry.path,
    root: isInHookTestsFolder(entry) ? folderOf(folder) : folder,
    hook: parsed.hook,
    secretValuesHidden: parsed.secretValuesHidden,
    tests: parsed.tests,
  };
}

const within = (root: string, path: string) => root === '' || path.startsWith(`${root}/`);

/**
 * Each file's tests added (with new ids) to the imported hook it names: one from the same
 * export (beside its `hookpad-tests/`), else the only imported hook of that name. Tests that
 * name no imported hook are a warning.
 */
export function attachHookTests(
  found: readonly FoundHookTests[],
  hooks: ImportedHook[],
  problems: ImportProblem[],
): void {
  for (const file of found) {
    const named = hooks.filter((hook) => hook.record.name === file.hook);
    const target =
      named.find((hook) => within(file.root, hook.source)) ??
      (named.length === 1 ? named[0] : undefined);
    if (target === undefined) {
      problems.push({
        file: file.file,
        message:
          named.length === 0
            ? `Warning: these tests were not imported: no imported hook is named "${file.hook}".`
            : `Warning: these tests were not imported: ${named.length} imported hooks are named "${file.hook}" and none is in the same folder.`,
      });
      continue;
    }
    target.record = {
      ...target.record,
      tests: [...target.record.tests, ...freshTestIds(file.tests)],
    };
    if (file.secretValuesHidden && testsSetSecrets(file.tests)) {
      problems.push({ file: file.file, message: hiddenTestSecretsWarning(target.record.name) });
    }
  }
}
