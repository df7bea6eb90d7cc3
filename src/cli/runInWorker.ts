import { Worker } from 'node:worker_threads';
import { ACTION_TIMEOUT_HINT, PROMISE_SETTLED_WITHOUT_CB } from '../core/runtimeMessages';
import type { LogEntry, RunOutcome, RunRequest, StorageState } from '../core/schemas';
import type { OutboundEntry } from '../core/networkSchemas';
import type { WorkerMessage } from './workerProtocol';

/** What one run in a worker gave: the parts a test's expectations are checked against. */
export interface WorkerRun {
  outcome: RunOutcome;
  logs: LogEntry[];
  requests: OutboundEntry[];
  /** The storage after the run: the last write, else the storage it started with. */
  storage: StorageState | undefined;
}

export interface WorkerLimits {
  /** The worker's script: the bundled testWorker. */
  workerUrl: URL;
  timeoutMs: number;
  /** The V8 old-generation heap limit of the worker. */
  memoryMb: number;
}

// As the browser's runner words them (src/sandbox/createRunner.ts).
export const TIMEOUT_HINT = 'the callback was never called';
/** Added to the grace period before a run that never reports `finished` is ended. */
const FINISH_SLACK_MS = 1_000;
/** Loading the engine takes well under a second; past this the worker is declared broken. */
const START_LIMIT_MS = 15_000;

/**
 * Runs one hook in a fresh worker thread with a heap limit. The timeout is enforced from
 * here, so a hook that never yields (`while (true) {}`) is stopped by terminating its worker.
 * Never rejects: a worker that dies or runs out of memory is a `crashed` outcome.
 * `onSettled` is called once the outcome is known (before the grace period, or at the end);
 * the promise resolves when the worker has ended, with everything the run produced.
 */
export function runInWorker(
  request: RunRequest,
  limits: WorkerLimits,
  onSettled: () => void = () => undefined,
): Promise<WorkerRun> {
  return new Promise((resolve) => {
    const logs: LogEntry[] = [];
    const requests: OutboundEntry[] = [];
    let storage = request.storage;
    let outcome: RunOutcome | undefined;
    let startedAt: number | undefined;
    let hint = request.kind === 'action' ? ACTION_TIMEOUT_HINT : TIMEOUT_HINT;
    let ended = false;
    let settledSaid = false;
    const saySettled = () => {
      if (settledSaid) return;
      settledSaid = true;
      onSettled();
    };

    const worker = new Worker(limits.workerUrl, {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      // The hook sees no environment variables (a CI job's tokens live there): as in the
      // browser, only its secrets. (A worker bounds time and memory; it is no security
      // boundary like the browser's sandbox.)
      env: {},
      // The hook's console is captured by the engine; anything else the worker prints is not
      // part of the report.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();

    const elapsed = () => (startedAt === undefined ? 0 : performance.now() - startedAt);
    let timer = setTimeout(() => crash('The test worker did not start.'), START_LIMIT_MS);

    function end(fallback?: RunOutcome) {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      void worker.terminate();
      saySettled();
      resolve({
        outcome: outcome ?? fallback ?? crashed('The run ended without an outcome.'),
        logs,
        requests,
        storage,
      });
    }
    function crashed(message: string): RunOutcome {
      return { status: 'crashed', durationMs: elapsed(), message };
    }
    function crash(message: string) {
      end(crashed(message));
    }

    worker.on('message', (message: WorkerMessage) => {
      if (ended) return;
      switch (message.type) {
        case 'started':
          startedAt = performance.now();
          clearTimeout(timer);
          timer = setTimeout(
            () => end({ status: 'timed-out', durationMs: elapsed(), hint }),
            limits.timeoutMs,
          );
          return;
        case 'log':
          if (
            message.entry.source === 'runtime' &&
            message.entry.text === PROMISE_SETTLED_WITHOUT_CB
          ) {
            hint = PROMISE_SETTLED_WITHOUT_CB;
          }
          logs.push(message.entry);
          return;
        case 'request':
          requests.push(message.entry);
          return;
        case 'storage':
          storage = message.state;
          return;
        case 'settled':
          outcome = message.outcome;
          saySettled();
          clearTimeout(timer);
          // The worker reports `finished` after the grace period; if it hangs instead
          // (`cb(); while (true) {}`), the grace period is ended from here.
          timer = setTimeout(() => end(), request.graceMs + FINISH_SLACK_MS);
          return;
        case 'finished':
          end();
          return;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      crash(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The hook ran out of memory (the limit is ${limits.memoryMb} MB).`
          : `The test worker failed: ${error.message}`,
      );
    });
    worker.on('exit', (code) => crash(`The test worker stopped (exit code ${code}).`));
  });
}
