import { DEFAULT_TIMEOUT_MS, type RunRequest } from '../core/schemas';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { HookSuite } from './loadSuites';
import type { WorkerLimits, WorkerRun } from './runInWorker';
import { testRequest } from './testRequest';
import { judgeTestRun } from '../workspace/testCases/testResultState';
import type { TestReport } from './testReport';

export interface RunOptions {
  /** The timeout of a test that sets none. */
  timeoutMs?: number;
  /** How many tests run at once, each in its own worker. */
  concurrency: number;
  /** Runs one request in a fresh worker (runInWorker, bound to the worker's script and heap). */
  run(request: RunRequest, limits: Pick<WorkerLimits, 'timeoutMs'>): Promise<WorkerRun>;
}

async function runTest(
  hookSuite: HookSuite,
  test: TestCase,
  options: RunOptions,
): Promise<TestReport> {
  const { hook } = hookSuite;
  const base = { hook: hook.name, test: test.name };
  const built = testRequest(hook, test, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!built.ok)
    return { ...base, verdict: 'error', durationMs: 0, results: [], message: built.message };
  const run = await options.run(built.request, { timeoutMs: built.timeoutMs });
  // The app's own verdict (runtime-semantics §17), so a test means the same headless.
  const { verdict, results } = judgeTestRun(test.expectations, {
    pointId: hook.pointId,
    payload: built.request.payload,
    outcome: run.outcome,
    logs: run.logs,
    requests: run.requests,
    ...(run.storage ? { storage: run.storage } : {}),
  });
  return {
    ...base,
    verdict,
    durationMs: run.outcome.durationMs,
    results,
    outcome: run.outcome,
  };
}

/**
 * Runs every test of every hook, `concurrency` at a time, and reports them in the suites'
 * order (hook by hook, each hook's tests in their saved order), whatever order they end in.
 */
export async function runSuites(
  suites: readonly HookSuite[],
  options: RunOptions,
): Promise<TestReport[]> {
  const jobs = suites.flatMap((suite) => suite.tests.map((test) => ({ suite, test })));
  const reports: TestReport[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++;
      const { suite, test } = jobs[index]!;
      reports[index] = await runTest(suite, test, options);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, lane),
  );
  return reports;
}
