import { z } from 'zod';
import { TestCaseSchema, type TestCase } from '../core/testCases/testCaseSchema';
import { describeZodError } from '../workspace/describeZodError';
import type { ImportEntry } from '../workspace/expandImportFiles';

/** The folder of a deploy-cli export that holds Hookpad's tests (deploy-cli ignores it). */
export const TESTS_FOLDER = 'hookpad-tests';

/** One file of that folder: the tests of one hook, named by the hook's name. */
export const HookTestsFileSchema = z.object({
  format: z.literal('hookpad-tests'),
  version: z.literal(1),
  hook: z.string().min(1),
  tests: z.array(TestCaseSchema),
});

/** Whether an entry is a `.json` directly inside a `hookpad-tests/` folder. */
export function isHookTestsFile(entry: Pick<ImportEntry, 'relative'>): boolean {
  const parts = entry.relative.split('/');
  return parts.length >= 2 && parts.at(-2) === TESTS_FOLDER && parts.at(-1)!.endsWith('.json');
}

/**
 * The tests of each hook, by hook name, from the `hookpad-tests/*.json` entries of an export.
 * Each file that cannot be read is a problem naming it (a CI run must not skip tests silently).
 */
export function readHookTests(entries: readonly ImportEntry[]): {
  tests: Map<string, TestCase[]>;
  problems: string[];
} {
  const tests = new Map<string, TestCase[]>();
  const problems: string[] = [];
  const decoder = new TextDecoder();
  for (const entry of entries.filter(isHookTestsFile)) {
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(entry.bytes));
    } catch (error) {
      problems.push(`${entry.path}: not valid JSON (${String(error)}).`);
      continue;
    }
    const parsed = HookTestsFileSchema.safeParse(value);
    if (!parsed.success) {
      problems.push(`${entry.path}: not a Hookpad tests file: ${describeZodError(parsed.error)}.`);
      continue;
    }
    const { hook, tests: own } = parsed.data;
    tests.set(hook, [...(tests.get(hook) ?? []), ...own]);
  }
  return { tests, problems };
}
