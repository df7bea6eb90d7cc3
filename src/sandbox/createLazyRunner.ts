import { loadOnce } from '../core/loadOnce';
import type { RunOutcome } from '../core/schemas';
import { couldNotStart, type Runner, type RunHandle } from './runner';

export interface LazyRunner extends Runner {
  /**
   * Loads the sandbox code (and starts its iframe) ahead of the first run, once `whenIdle`
   * has resolved: the sandbox's ~0.8 MiB of scripts, its iframe and its warming worker would
   * otherwise compete with the app's start-up for the network and the CPU. A run before
   * then loads it at once.
   */
  preload(): Promise<void>;
}

export interface LazyRunnerOptions {
  /** Resolves once loading the sandbox would no longer slow the app's start-up (the app knows). */
  whenIdle(): Promise<void>;
}

type RunnerModule = { createRunner(): Runner };

/**
 * A Runner whose real implementation (the sandbox's code and its worker's scripts) is
 * fetched on first use or on preload, so the shell paints without it.
 */
export function createLazyRunner(
  load: () => Promise<RunnerModule>,
  { whenIdle }: LazyRunnerOptions,
): LazyRunner {
  // Once loaded, runs start synchronously: the request reaches the sandbox before React
  // renders "Running…", instead of a promise hop later.
  let loaded: Runner | undefined;
  let loading: Promise<Runner> | undefined;
  // A failed load is forgotten: the next run asks again (the network may be back).
  const get = loadOnce(
    () =>
      (loading = load().then((module) => {
        loaded = module.createRunner();
        return loaded;
      })),
  );

  return {
    preload: () =>
      whenIdle()
        .then(get)
        .then(() => undefined),
    // A failed load is reported by the run that follows, which waits on this same load.
    prepare: () => void get().catch(() => undefined),
    // Loads the sandbox if it has not; a sandbox that cannot load is never ready.
    whenReady: () =>
      get().then(
        (real) => real.whenReady?.(),
        () => new Promise<void>(() => {}),
      ),
    run(request, options): RunHandle {
      if (loaded) return loaded.run(request, options);
      let cancelled = false;
      let inner: RunHandle | undefined;
      const started = get().then((real) => {
        if (cancelled) return undefined;
        inner = real.run(request, options);
        return inner;
      });
      const outcome: Promise<RunOutcome> = started.then(
        (handle) => handle?.outcome ?? { status: 'cancelled', durationMs: 0 },
        couldNotStart,
      );
      return {
        outcome,
        done: started.then(
          (handle) => handle?.done,
          () => undefined,
        ),
        cancel() {
          cancelled = true;
          inner?.cancel();
        },
      };
    },
    dispose() {
      void loading?.then(
        (real) => real.dispose(),
        () => undefined,
      );
    },
  };
}
