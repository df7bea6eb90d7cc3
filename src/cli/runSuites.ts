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
  /** How many tests run at once, each in its own worker, until their outcome is known. */
  concurrency: number;
  /**
   * How many workers may be alive at once, counting those whose test has its outcome and
   * waits out its after-callback grace period (default: twice `concurrency`, at least 8).
   */
  maxWorkers?: number;
  /**
   * Runs one request in a fresh worker (runInWorker, bound to the worker's script and heap):
   * calls `onSettled` once the outcome is known, resolves once the worker has ended.
   */
  run(
    request: RunRequest,
    limits: Pick<WorkerLimits, 'timeoutMs'>,
    onSettled: () => void,
  ): Promise<WorkerRun>;
}

/** A test on its way: `settled` once its outcome is known, `report` once its worker ended. */
interface StartedTest {
  settled: Promise<void>;
  report: Promise<TestReport>;
}

function startTest(hookSuite: HookSuite, test: TestCase, options: RunOptions): StartedTest {
  const { hook } = hookSuite;
  const base = { hook: hook.name, test: test.name };
  const built = testRequest(hook, test, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!built.ok) {
    const report: TestReport = {
      ...base,
      verdict: 'error',
      durationMs: 0,
      results: [],
      message: built.message,
    };
    return { settled: Promise.resolve(), report: Promise.resolve(report) };
  }
  let markSettled!: () => void;
  const settled = new Promise<void>((resolve) => (markSettled = resolve));
  const run = options.run(built.request, { timeoutMs: built.timeoutMs }, markSettled);
  // A run that ends without saying it settled (a crash) has settled too.
  void run.then(markSettled, markSettled);
  const report = run.then((done): TestReport => {
    // The app's own verdict (runtime-semantics §17), so a test means the same headless.
    const { verdict, results } = judgeTestRun(test.expectations, {
      pointId: hook.pointId,
      payload: built.request.payload,
      outcome: done.outcome,
      logs: done.logs,
      requests: done.requests,
      ...(done.storage ? { storage: done.storage } : {}),
    });
    return {
      ...base,
      verdict,
      durationMs: done.outcome.durationMs,
      results,
      outcome: done.outcome,
    };
  });
  return { settled, report };
}

/** A counter of free places: `take` waits for one, `give` hands one back. */
function places(count: number) {
  let free = count;
  const waiting: (() => void)[] = [];
  return {
    take: (): Promise<void> => {
      if (free > 0) {
        free -= 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    give: (): void => {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/**
 * Runs every test of every hook and reports them in the suites' order (hook by hook, each
 * hook's tests in their saved order), whatever order they end in. `concurrency` tests run at
 * once until their outcome is known; a test then waits out its grace period (mostly idle:
 * 1000 ms after every callback) beside the next ones, up to `maxWorkers` workers in all.
 */
export async function runSuites(
  suites: readonly HookSuite[],
  options: RunOptions,
): Promise<TestReport[]> {
  const jobs = suites.flatMap((suite) => suite.tests.map((test) => ({ suite, test })));
  const reports: Promise<TestReport>[] = new Array(jobs.length);
  const workers = places(Math.max(1, options.maxWorkers ?? Math.max(8, options.concurrency * 2)));
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++;
      const { suite, test } = jobs[index]!;
      await workers.take();
      const started = startTest(suite, test, options);
      reports[index] = started.report.finally(workers.give);
      await started.settled;
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, lane),
  );
  return Promise.all(reports);
}
