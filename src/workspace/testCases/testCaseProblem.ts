import { TestCaseSchema, type TestCase } from '../../core/testCases/testCaseSchema';
import { describeZodError } from '../describeZodError';

let counter = 0;
/** A test id unique within this page (and, with the time, across reloads and links). */
export function newTestId(): string {
  counter += 1;
  return `test-${Date.now().toString(36)}-${counter}`;
}

/**
 * Why `test` cannot be stored, in words (an empty name, a payload that is not JSON, an
 * expectation or override the schemas refuse), or null. A stored hook with an invalid test
 * could not be read back, so the store refuses such a test.
 */
export function testCaseProblem(test: Omit<TestCase, 'id'> & { id?: string }): string | null {
  const checked = TestCaseSchema.safeParse({ id: 'check', ...test });
  return checked.success ? null : describeZodError(checked.error);
}
