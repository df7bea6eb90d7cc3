import type { RunKind } from '../core/actions/actionSchemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { Runner } from '../sandbox/runner';
import type { HookRecord } from '../workspace/hookRecord';
import { prepareRun } from '../workspace/run/prepareRun';
import type { RunInputs } from '../workspace/run/runInputs';
import type { RunRequest } from '../core/schemas';
import type { TreeForRun } from './packageTrees';
import { withPackageTree } from './runPackages';
import type { TestResultState } from '../workspace/testCases/testResultState';
import { testRunInputs } from '../workspace/testCases/testRunInputs';
import { collectRun, type CollectingRun } from './collectRun';
import { GRACE_MS } from './runSlice';

/** A test's run in flight: `result` settles once everything the run reports is in. */
export interface TestRunHandle {
  /** Never rejects; a cancelled run settles with `cancelled` true. */
  result: Promise<{ state: TestResultState; cancelled: boolean }>;
  cancel(): void;
}

export interface TestRunOptions {
  /** The workspace's timeout, for a test that sets none. */
  timeoutMs: number;
  /** What the test runs on: the hook's draft code (the default) or its Action draft. */
  target?: RunKind;
  /** When a sandbox takes the run. */
  onStart(): void;
  /** The stored packages a run with these inputs gets (none when absent). */
  packagesFor?(inputs: RunInputs): TreeForRun;
}

const errorState = (message: string): TestResultState => ({ status: 'error', message });

const settledWith = (state: TestResultState): TestRunHandle => ({
  result: Promise.resolve({ state, cancelled: false }),
  cancel: () => {},
});

/**
 * Runs `test` on the hook's draft code, or its Action draft (testRunInputs: the test's payload
 * and overrides, its own storage, the network off) and judges it once the post-callback grace
 * period is over, so late console lines, requests and storage writes count.
 */
export function runTestCase(
  runner: Runner,
  hook: Pick<HookRecord, 'pointId' | 'draft'>,
  test: TestCase,
  { timeoutMs, target = 'hook', onStart, packagesFor }: TestRunOptions,
): TestRunHandle {
  const { inputs, storage, timeoutMs: own } = testRunInputs(hook, test, target);
  const prepared = prepareRun(inputs, storage, GRACE_MS);
  if (!prepared.ok) return settledWith(errorState(prepared.problem.message));
  const { payload } = prepared;

  const packaged = withPackageTree(prepared.request, packagesFor?.(inputs) ?? { kind: 'none' });
  if (!(packaged instanceof Promise)) {
    return packaged.ok ? collectTest(packaged.request) : settledWith(errorState(packaged.message));
  }
  // The first run after the stored packages changed reads them from storage once.
  let cancelled = false;
  let started: TestRunHandle | null = null;
  return {
    result: packaged.then((ready) => {
      if (cancelled) return { state: { status: 'error', message: 'Cancelled.' }, cancelled: true };
      started = ready.ok ? collectTest(ready.request) : settledWith(errorState(ready.message));
      return started.result;
    }),
    cancel: () => {
      cancelled = true;
      started?.cancel();
    },
  };

  function collectTest(request: RunRequest): TestRunHandle {
    let collecting: CollectingRun;
    let cancelled = false;
    try {
      collecting = collectRun(runner, request, { timeoutMs: own ?? timeoutMs, onStart });
    } catch (error) {
      // A runner refuses a request it cannot send (e.g. after the page has disposed it).
      return settledWith(
        errorState(
          `The test could not start: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
    const result = (async () => {
      const { outcome, logs, requests, storageAfter } = await collecting.result;
      const run = {
        pointId: inputs.pointId,
        payload,
        outcome,
        logs,
        requests,
        ...(storageAfter.data === undefined ? {} : { storage: storageAfter }),
      };
      // The matchers load with the first result: the page paints without them.
      const { judgeTestRun } = await import('../workspace/testCases/testResultState');
      const { verdict, results } = judgeTestRun(test.expectations, run);
      const state: TestResultState = {
        status: 'done',
        verdict,
        results,
        run,
        durationMs: outcome.durationMs,
        code: inputs.code,
      };
      // A cancel during the grace period keeps the outcome the run had already reached.
      return { state, cancelled: cancelled && outcome.status === 'cancelled' };
    })();

    return {
      result,
      cancel: () => {
        cancelled = true;
        collecting.cancel();
      },
    };
  }
}
