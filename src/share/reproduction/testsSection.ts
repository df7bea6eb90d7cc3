import type { JsonValue } from '../../core/schemas';
import type { Expectations, TestOverrides } from '../../core/testCases/testCaseSchema';
import { plural, type Redactor } from '../redact';
import { code, table, text } from '../reproductionMarkdown';
import { SharedTestSchema, type SharedTest } from '../sharedStateSchemas';
import { codeBlock, jsonText } from './codeBlock';
import { MAX_PAYLOAD_CHARS } from './reportBudget';

// The hook's tests in a reproduction: how many, what each expects, and the tests themselves
// (redacted like the rest), which the report's link carries too.

/** The expectation parts by the names the Tests region gives them. */
const EXPECTED: Record<keyof Expectations, string> = {
  outcome: 'outcome',
  response: 'response',
  mergedUser: 'merged user',
  claims: 'access token claims',
  messageToUser: 'message to the user',
  console: 'console',
  requests: 'outbound requests',
  storage: 'storage after the run',
};

const OVERRIDDEN: Record<keyof TestOverrides, string> = {
  secrets: 'secrets',
  httpMocks: 'HTTP mocks',
  moduleMocks: 'module mocks',
  autoMocks: 'auto-mocks',
  storage: 'storage before the run',
  timeoutMs: 'timeout',
};

/**
 * The tests with every hidden value replaced. A test that no longer fits its schema once
 * redacted (say a pattern that contained a secret) is left out and named.
 */
export function redactTests(
  tests: readonly SharedTest[],
  redactor: Redactor,
): { tests: SharedTest[]; leftOut: string[] } {
  const kept: SharedTest[] = [];
  const leftOut: string[] = [];
  for (const test of tests) {
    const parsed = SharedTestSchema.safeParse(redactor.json(test as JsonValue));
    if (parsed.success) kept.push(parsed.data);
    else leftOut.push(redactor.text(test.name));
  }
  return { tests: kept, leftOut };
}

/** "2 tests" for the Runtime section: the count is never cut from the report. */
export const testsCount = (count: number): string =>
  `- Tests: ${count === 0 ? 'none' : `${plural(count, 'test')} (the link carries them)`}`;

const listed = (keys: readonly string[], names: Record<string, string>): string =>
  keys.length === 0 ? '—' : keys.map((key) => names[key] ?? key).join(', ');

export function testsSection(tests: readonly SharedTest[], leftOut: readonly string[]): string {
  const notes = leftOut.map(
    (name) =>
      `- Note: test ${code(name)} is left out: hiding the secret values and the password in it made it invalid.`,
  );
  if (tests.length === 0) return ['none', ...notes].join('\n');
  const rows = tests.map((test) => [
    text(test.name),
    listed(Object.keys(test.overrides ?? {}), OVERRIDDEN),
    listed(Object.keys(test.expectations), EXPECTED),
  ]);
  return [
    `${plural(tests.length, 'test')} of this hook (Run all tests runs them):`,
    '',
    table(['Test', 'Overrides', 'Expects'], rows),
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
    codeBlock(jsonText([...tests] as JsonValue), 'json', MAX_PAYLOAD_CHARS),
  ].join('\n');
}
