import type { OutboundEntry } from '../core/networkSchemas';
import type { LogEntry, RunOutcome, RunRequest, StorageState } from '../core/schemas';

/** The outcome of a run whose sandbox could not start: its code or scripts did not load. */
export function couldNotStart(reason: unknown): RunOutcome {
  const why = reason instanceof Error ? reason.message : String(reason);
  return { status: 'crashed', durationMs: 0, message: `Sandbox could not start: ${why}` };
}

export interface RunOptions {
  /** Hard limit from the start of the run; the worker is terminated when it passes. */
  timeoutMs: number;
  /** Console entries in batches, as they happen, including those after the callback. */
  onLog(entries: LogEntry[]): void;
  /** The hook's webtask storage after each successful `storage.set`, in order. */
  onStorage?(state: StorageState): void;
  /**
   * "Outbound requests" entries (HTTP requests, auto-mocked SDK calls) in batches, as they
   * are answered, including those after the callback. `dropped` counts entries the sandbox
   * did not forward since the previous batch (over the run's REQUEST_LIMITS).
   */
  onRequest?(entries: OutboundEntry[], dropped: number): void;
  /**
   * Called once when a sandbox takes the run (its timeout starts then): a run may wait for
   * the sandbox to start, or in a pool's queue for a free sandbox. Not called for a run
   * cancelled before that.
   */
  onStart?(): void;
}

export interface RunHandle {
  /** Settles once: with the callback, a failure, the timeout, a cancel or a crash. Never rejects. */
  outcome: Promise<RunOutcome>;
  /** Settles when nothing more will be reported for this run (after the post-callback grace period). */
  done: Promise<void>;
  /** Stops the run if it is still in flight (outcome "cancelled"); afterwards it only ends the grace period. */
  cancel(): void;
}

/** The host side of the sandbox: the only code that talks to the iframe. */
export interface Runner {
  run(request: RunRequest, options: RunOptions): RunHandle;
  /**
   * A run is coming, but its request is not ready yet (say, the stored packages are still
   * being read): a runner that loads or starts lazily starts now, so the two overlap.
   * Runners that are always ready need not have it.
   */
  prepare?(): void;
  /**
   * Resolves once a run would start at once (a sandbox has a warm worker); never rejects.
   * Runners that are always ready need not have it.
   */
  whenReady?(): Promise<void>;
  dispose(): void;
}
