import { z } from '../core/schemaKit';
import { TestCaseSchema, type TestCase } from '../core/testCases/testCaseSchema';
import { hideTestSecrets, testsSetSecrets } from './testCases/hideTestSecrets';

/**
 * The folder a deploy-cli export keeps the hooks' tests in, at its root beside `hooks/` (or
 * `tenant.yaml`). auth0-deploy-cli reads only the folders of the asset types it knows, so it
 * never reads this one (docs/runtime-semantics.md, "Tests in a deploy-cli export").
 */
export const HOOK_TESTS_FOLDER = 'hookpad-tests';
export const HOOK_TESTS_FORMAT = 'hookpad-tests';
export const HOOK_TESTS_VERSION = 1;

/** The envelope; each test is checked on its own, so one bad test spares the others. */
const HookTestsEnvelopeSchema = z.object({
  format: z.literal(HOOK_TESTS_FORMAT, {
    error: `must be "${HOOK_TESTS_FORMAT}"`,
  }),
  version: z.literal(HOOK_TESTS_VERSION, {
    error: `must be ${HOOK_TESTS_VERSION} (this Hookpad reads version ${HOOK_TESTS_VERSION})`,
  }),
  /** The hook's name, as in its `hooks/<name>.json` (or tenant.yaml item). */
  hook: z
    .string({ error: 'must be the name of a hook' })
    .check(z.minLength(1, 'must not be empty')),
  /**
   * Present (true) when the export left secret values out: the secrets the tests' overrides
   * set are then "" (a test has no per-secret flag, unlike a hook's secret rows).
   */
  secretValuesHidden: z.optional(z.literal(true)),
  tests: z.array(z.unknown(), { error: 'must be a list of tests' }),
});

/** `hookpad-tests/<file>.json`: one hook's tests. */
export const HookTestsFileSchema = z.extend(HookTestsEnvelopeSchema, {
  tests: z.array(TestCaseSchema),
});
export type HookTestsFile = z.infer<typeof HookTestsFileSchema>;

/** A hook's tests file as exported, `fileName` being its `hooks/<fileName>.js` name. */
export function hookTestsFile(
  hook: { name: string; tests: readonly TestCase[] },
  fileName: string,
  { includeSecrets }: { includeSecrets: boolean },
): { path: string; text: string } {
  const hidden = !includeSecrets && testsSetSecrets(hook.tests);
  const file: HookTestsFile = {
    format: HOOK_TESTS_FORMAT,
    version: HOOK_TESTS_VERSION,
    hook: hook.name,
    ...(hidden ? { secretValuesHidden: true as const } : {}),
    tests: includeSecrets ? [...hook.tests] : hideTestSecrets(hook.tests),
  };
  return {
    path: `${HOOK_TESTS_FOLDER}/${fileName}.json`,
    text: `${JSON.stringify(file, null, 2)}\n`,
  };
}

export type ParsedHookTests =
  | {
      ok: true;
      hook: string;
      secretValuesHidden: boolean;
      tests: TestCase[];
      /** Tests that fail the schema, by index (the others are kept). */
      skipped: { index: number; error: z.core.$ZodError; name?: string }[];
    }
  | { ok: false; error: z.core.$ZodError };

/** A tests file's content (already JSON-parsed); never throws. */
export function parseHookTestsFile(value: unknown): ParsedHookTests {
  const envelope = HookTestsEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, error: envelope.error };
  const tests: TestCase[] = [];
  const skipped: { index: number; error: z.core.$ZodError; name?: string }[] = [];
  envelope.data.tests.forEach((item, index) => {
    const parsed = TestCaseSchema.safeParse(item);
    if (parsed.success) {
      tests.push(parsed.data);
      return;
    }
    const name = (item as { name?: unknown } | null)?.name;
    skipped.push({ index, error: parsed.error, ...(typeof name === 'string' ? { name } : {}) });
  });
  return {
    ok: true,
    hook: envelope.data.hook,
    secretValuesHidden: envelope.data.secretValuesHidden === true,
    tests,
    skipped,
  };
}
