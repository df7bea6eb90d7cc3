import type { TestCase } from '../../core/testCases/testCaseSchema';
import { newId } from '../newHook';

/**
 * The tests with new ids. Test results are kept by test id across the workspace, so the tests
 * of a hook that joins it (an import, an opened link) must not share ids with tests already
 * there, e.g. those of the hook the file was exported from.
 */
export const freshTestIds = (tests: readonly Omit<TestCase, 'id'>[]): TestCase[] =>
  tests.map((test) => ({ ...test, id: newId('test') }));
