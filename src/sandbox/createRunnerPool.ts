import type { RunOutcome, RunRequest } from '../core/schemas';
import { couldNotStart, type RunHandle, type RunOptions, type Runner } from './runner';

export interface RunnerPoolOptions {
  /** How many runs may be working at once (not yet called back), each on a runner of its own. */
  size: number;
  /**
   * How many runners may exist at once (default: `size` + 2). A run that has called back
   * keeps its runner through its post-callback grace period, which is mostly waiting: the
   * next run goes to another runner meanwhile instead of waiting for it.
   */
  maxRunners?: number;
  /** Makes one runner (one sandbox iframe); called when a run needs one and none is free. */
  create(): Runner;
}

/** How many sandboxes the app runs tests in: 2 to 4, as the device's cores allow. */
export function runnerPoolSize(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(2, hardwareConcurrency ?? 2));
}

interface Waiting {
  request: RunRequest;
  options: RunOptions;
  resolveOutcome(outcome: RunOutcome): void;
  resolveDone(): void;
  /** Set once a runner has taken the run. */
  inner: RunHandle | null;
}

/**
 * A Runner that has up to `size` requests working at once, each on a runner of its own. A
 * runner runs one request at a time and cancels it when given another, so a request waits
 * here until a runner is free (including its post-callback grace period): its timeout starts
 * only then. A run stops counting against `size` once it has its outcome: its grace period is
 * spent waiting for late output, so the next request starts on another runner, up to
 * `maxRunners` of them, while CPU-bound hooks still get no more than `size` at once
 * (docs/runtime-semantics.md §17, "Own sandbox"). Runners are made on demand and kept.
 */
export function createRunnerPool({
  size,
  maxRunners = size + 2,
  create,
}: RunnerPoolOptions): Runner {
  const runners: Runner[] = [];
  const idle: Runner[] = [];
  const queue: Waiting[] = [];
  /** Runs handed to a runner that have no outcome yet. */
  let working = 0;
  let disposed = false;

  function freeRunner(): Runner | undefined {
    const free = idle.pop();
    if (free || runners.length >= Math.max(size, maxRunners)) return free;
    const made = create();
    runners.push(made);
    return made;
  }

  function pump() {
    while (!disposed && queue.length > 0 && working < size) {
      let runner: Runner | undefined;
      try {
        runner = freeRunner();
      } catch (error) {
        // No sandbox can be made: every waiting run ends now rather than hang.
        for (const waiting of queue.splice(0)) settle(waiting, couldNotStart(error));
        return;
      }
      if (!runner) return;
      handOver(queue.shift()!, runner);
    }
  }

  function settle(waiting: Waiting, outcome: RunOutcome) {
    waiting.resolveOutcome(outcome);
    waiting.resolveDone();
  }

  function handOver(waiting: Waiting, runner: Runner) {
    let inner: RunHandle;
    try {
      inner = runner.run(waiting.request, waiting.options);
    } catch (error) {
      settle(waiting, couldNotStart(error));
      idle.push(runner);
      return;
    }
    waiting.inner = inner;
    working += 1;
    // A RunHandle's outcome always settles (runner.ts), so the run always stops counting.
    void inner.outcome.then((outcome) => {
      working -= 1;
      waiting.resolveOutcome(outcome);
      pump();
    });
    void inner.done.then(() => {
      waiting.resolveDone();
      if (disposed) return;
      idle.push(runner);
      pump();
    });
  }

  return {
    run(request, options): RunHandle {
      if (disposed) throw new Error('This runner has been disposed.');
      let resolveOutcome!: (outcome: RunOutcome) => void;
      let resolveDone!: () => void;
      const outcome = new Promise<RunOutcome>((resolve) => (resolveOutcome = resolve));
      const done = new Promise<void>((resolve) => (resolveDone = resolve));
      const waiting: Waiting = {
        request,
        options,
        resolveOutcome,
        resolveDone,
        inner: null,
      };
      queue.push(waiting);
      pump();
      return {
        outcome,
        done,
        cancel() {
          if (waiting.inner) {
            waiting.inner.cancel();
            return;
          }
          const at = queue.indexOf(waiting);
          if (at < 0) return;
          queue.splice(at, 1);
          settle(waiting, { status: 'cancelled', durationMs: 0 });
        },
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const waiting of queue.splice(0))
        settle(waiting, { status: 'cancelled', durationMs: 0 });
      for (const runner of runners) runner.dispose();
    },
  };
}
