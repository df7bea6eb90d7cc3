import type { RunKind } from '../../core/actions/actionSchemas';

/** What "Run all tests" runs a hook's tests on. */
export type TestsTarget = RunKind | 'both';

/** The kinds of run a choice makes, the hook first. */
export const runKindsOf = (target: TestsTarget): RunKind[] =>
  target === 'both' ? ['hook', 'action'] : [target];

/**
 * Where a test's result is kept: a test's result on the hook under its id (as before Actions,
 * so every existing reader still finds it), on the Action under `${testId}#action`.
 */
export const testResultKey = (testId: string, kind: RunKind = 'hook'): string =>
  kind === 'hook' ? testId : `${testId}#action`;

/** Both keys of a test, to forget its results when it changes or goes. */
export const testResultKeys = (testId: string): string[] => [
  testResultKey(testId, 'hook'),
  testResultKey(testId, 'action'),
];
