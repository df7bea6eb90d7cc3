import type { OutboundEntry } from '../core/networkSchemas';
import { MAX_LOGS_KEPT, REQUEST_LIMITS } from '../core/outputLimits';
import type { LogEntry, RunOutcome, StorageState } from '../core/schemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { RunHandle, Runner } from '../sandbox/runner';
import type { HookRecord } from '../workspace/hookRecord';
import { prepareRun } from '../workspace/run/prepareRun';
import type { TestResultState } from '../workspace/testCases/testResultState';
import { testRunInputs } from '../workspace/testCases/testRunInputs';
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
  /** When a sandbox takes the run. */
  onStart(): void;
}

/**
 * Runs `test` on the hook's draft code (testRunInputs: the test's payload and overrides, its
 * own storage, the network off) and judges it once the post-callback grace period is over,
 * so late console lines, requests and storage writes count.
 */
export function runTestCase(
  runner: Runner,
  hook: Pick<HookRecord, 'pointId' | 'draft'>,
  test: TestCase,
  { timeoutMs, onStart }: TestRunOptions,
): TestRunHandle {
  const { inputs, storage, timeoutMs: own } = testRunInputs(hook, test);
  const prepared = prepareRun(inputs, storage, GRACE_MS);
  if (!prepared.ok) {
    const state: TestResultState = { status: 'error', message: prepared.problem.message };
    return { result: Promise.resolve({ state, cancelled: false }), cancel: () => {} };
  }

  const logs: LogEntry[] = [];
  const requests: OutboundEntry[] = [];
  let storageAfter: StorageState = storage;
  let cancelled = false;
  let handle: RunHandle;
  try {
    handle = runner.run(prepared.request, {
      timeoutMs: own ?? timeoutMs,
      onStart,
      onLog: (entries) => logs.push(...entries.slice(0, MAX_LOGS_KEPT - logs.length)),
      onRequest: (entries) =>
        requests.push(...entries.slice(0, REQUEST_LIMITS.maxEntries - requests.length)),
      onStorage: (state) => (storageAfter = state),
    });
  } catch (error) {
    // A runner refuses a request it cannot send (e.g. after the page has disposed it).
    const message = `The test could not start: ${error instanceof Error ? error.message : String(error)}`;
    return {
      result: Promise.resolve({ state: { status: 'error', message }, cancelled: false }),
      cancel: () => {},
    };
  }

  const result = (async () => {
    const outcome: RunOutcome = await handle.outcome;
    await handle.done;
    const run = {
      pointId: inputs.pointId,
      payload: prepared.payload,
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
      handle.cancel();
    },
  };
}
