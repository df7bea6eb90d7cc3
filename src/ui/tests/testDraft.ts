import type { z } from '../../core/schemaKit';
import {
  ExpectationsSchema,
  TestOverridesSchema,
  type TestCase,
} from '../../core/testCases/testCaseSchema';
import { describeZodError } from '../../workspace/describeZodError';

/** A test as the "Edit test" dialog holds it: its name, and each JSON part as text. */
export interface TestDraft {
  name: string;
  payloadText: string;
  expectationsText: string;
  /** "{}" or empty = no overrides: the test runs with its hook's own settings. */
  overridesText: string;
}

export type TestDraftField = keyof TestDraft;

export type TestDraftCheck =
  { ok: true; test: TestCase } | { ok: false; problems: Partial<Record<TestDraftField, string>> };

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function testDraftOf(test: TestCase): TestDraft {
  return {
    name: test.name,
    payloadText: test.payloadText,
    expectationsText: pretty(test.expectations),
    overridesText: pretty(test.overrides ?? {}),
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** JSON text checked against a schema; the problem says where, as the schema names it. */
function parseJson<T>(text: string, schema: z.ZodMiniType<T>): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `Not valid JSON: ${(error as Error).message}` };
  }
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problem: describeZodError(result.error) };
}

/**
 * The edited test, or the problem of each field that is wrong (the dialog shows them and
 * refuses to save). The payload must be JSON because a test runs as is.
 */
export function checkTestDraft(id: string, draft: TestDraft): TestDraftCheck {
  const problems: Partial<Record<TestDraftField, string>> = {};
  if (draft.name.trim() === '') problems.name = 'A test needs a name.';
  try {
    JSON.parse(draft.payloadText);
  } catch (error) {
    problems.payloadText = `Not valid JSON: ${(error as Error).message}`;
  }
  const expectations = parseJson(draft.expectationsText, ExpectationsSchema);
  if (!expectations.ok) problems.expectationsText = expectations.problem;
  const overrides =
    draft.overridesText.trim() === ''
      ? ({ ok: true, value: {} } as const)
      : parseJson(draft.overridesText, TestOverridesSchema);
  if (!overrides.ok) problems.overridesText = overrides.problem;
  if (!expectations.ok || !overrides.ok || Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  const test: TestCase = {
    id,
    name: draft.name.trim(),
    payloadText: draft.payloadText,
    expectations: expectations.value,
  };
  if (Object.keys(overrides.value).length > 0) test.overrides = overrides.value;
  return { ok: true, test };
}
