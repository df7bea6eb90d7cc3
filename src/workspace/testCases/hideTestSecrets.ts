import type { TestCase } from '../../core/testCases/testCaseSchema';

/**
 * The tests with every secret value their overrides set replaced by "" (the names stay, so a
 * reader sees which secrets a test sets). Exports that hide the hook's secret values hide these
 * too; the file then says so (`secretValuesHidden`), since a test has no per-secret flag.
 */
export function hideTestSecrets(tests: readonly TestCase[]): TestCase[] {
  return tests.map((test) => {
    const secrets = test.overrides?.secrets;
    if (secrets === undefined) return test;
    const hidden = Object.fromEntries(Object.keys(secrets).map((name) => [name, '']));
    return { ...test, overrides: { ...test.overrides, secrets: hidden } };
  });
}

/** Whether any of the tests sets a secret, i.e. whether hiding their values hid anything. */
export const testsSetSecrets = (tests: readonly TestCase[]): boolean =>
  tests.some((test) => Object.keys(test.overrides?.secrets ?? {}).length > 0);

/** The sentence an import shows when a file's test secret values were left out. */
export const hiddenTestSecretsWarning = (hookName: string): string =>
  `Warning: hook "${hookName}" has tests whose secret values were not exported: ` +
  'they are empty, and those tests run with empty secrets.';
