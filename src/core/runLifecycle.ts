import type { EngineOutcome, FailureKind, LogEntry, SerializedError } from './schemas';
import { createLogSink, type LogSink } from './createLogSink';
import { serializeError } from './serializeError';
import { pendingWorkNote } from './runtimeMessages';

/** Failures the platform never answered: the exception crashed its process. */
const NO_ANSWER_KINDS: ReadonlySet<FailureKind> = new Set(['async-throw', 'rejected']);

/** What a hook or an Action run hands back to its host (docs/runtime-semantics.md §5, §18.5). */
export interface ExecutingHook {
  /** The outcome, from the first of: cb (or the Action's completion), a throw, a rejection, an escaped async error. */
  settled: Promise<EngineOutcome>;
  /** Resolves when the run stops producing logs (after the grace period, if any). */
  finished: Promise<void>;
}

export interface RunLifecycle extends ExecutingHook {
  sink: LogSink;
  now(): number;
  start: number;
  duration(): number;
  addCleanup(cleanup: () => void): void;
  /** True once the outcome is decided (or claimed while a success is being serialised). */
  isSettled(): boolean;
  isFinished(): boolean;
  /**
   * Decides the outcome and ends the run after `graceMs`: its later logs and requests are
   * marked "after callback" (docs/runtime-semantics.md §7).
   */
  settle(outcome: EngineOutcome, graceMs: number): void;
  /** Holds the outcome while a success is serialised, so a re-entrant cb sees a settled run. */
  claim(placeholder: EngineOutcome): void;
  release(): void;
  /** Fails the run, unless it already settled. */
  fail(kind: FailureKind, error: SerializedError): void;
  /** An error nobody awaited: it fails the run, or is logged if the run already settled. */
  escaped(kind: FailureKind, error: unknown): void;
}

/**
 * The bookkeeping a hook run and an Action run share: the log sink, the one-time outcome, the
 * grace period after it and the cleanups at the end. The engines decide what settles a run;
 * `complete` adds what they record besides (the modules required, an Action's api calls), and
 * `onSettle` marks the environment's later output as "after callback".
 */
export function createRunLifecycle(options: {
  onLog(entry: LogEntry): void;
  now?(): number;
  complete(outcome: EngineOutcome): EngineOutcome;
  onSettle(): void;
  /** The grace period of a failure escaping the run (a hook's cb(err) chooses its own). */
  failureGraceMs(kind: FailureKind): number;
  /** The run's work still under way; what the end of the run cuts is then said (§7). */
  pendingWork?(): { requests: number; timers: number };
  /** Appended to an error that escapes after the outcome, e.g. what the platform did then. */
  lateEscapeNote?: string;
}): RunLifecycle {
  const now = options.now ?? (() => performance.now());
  const start = now();
  let resolveSettled!: (outcome: EngineOutcome) => void;
  let resolveFinished!: () => void;
  const settled = new Promise<EngineOutcome>((resolve) => (resolveSettled = resolve));
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
  const sink = createLogSink({ onLog: options.onLog, now, start });
  const cleanups: (() => void)[] = [];
  let outcome: EngineOutcome | undefined;
  let isFinished = false;
  let settledGraceMs = 0;

  const duration = () => Math.max(0, now() - start);

  function finish(): void {
    if (isFinished) return;
    isFinished = true;
    sayCutWork();
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch {
        // Cleanup is best effort; the worker is discarded anyway.
      }
    }
    sink.close();
    resolveFinished();
  }

  /**
   * The platform's process went on with the hook's timers and requests after it answered;
   * Hookpad stops them here, and says so. Not after a crash: there the process ended too.
   */
  function sayCutWork(): void {
    if (!outcome || !options.pendingWork) return;
    if (outcome.status === 'failed' && NO_ANSWER_KINDS.has(outcome.kind)) return;
    let text: string | undefined;
    try {
      text = pendingWorkNote(options.pendingWork(), settledGraceMs);
    } catch {
      // Counting is best effort, like the cleanups.
    }
    if (text !== undefined) sink.emit({ level: 'warn', source: 'runtime', text, args: [] });
  }

  function settle(settledAs: EngineOutcome, graceMs: number): void {
    settledGraceMs = graceMs;
    const result = options.complete(settledAs);
    outcome = result;
    sink.markAfterCallback();
    options.onSettle();
    resolveSettled(result);
    // Even without a grace period, let the current task end so logs written right after
    // the outcome (in the same tick) are still delivered.
    setTimeout(finish, graceMs);
  }

  function fail(kind: FailureKind, error: SerializedError): void {
    if (outcome) return;
    settle({ status: 'failed', kind, error, durationMs: duration() }, options.failureGraceMs(kind));
  }

  function escaped(kind: FailureKind, error: unknown): void {
    if (isFinished) return;
    const serialized = serializeError(error);
    if (!outcome) return fail(kind, serialized);
    sink.emit({
      level: 'error',
      source: 'runtime',
      text: [
        `Uncaught ${serialized.name}: ${serialized.message} (after the run had settled)`,
        ...(options.lateEscapeNote ? [options.lateEscapeNote] : []),
      ].join(' '),
      args: [],
      location: serialized.location,
    });
  }

  return {
    settled,
    finished,
    sink,
    now,
    start,
    duration,
    addCleanup: (cleanup) => cleanups.push(cleanup),
    isSettled: () => outcome !== undefined,
    isFinished: () => isFinished,
    settle,
    claim: (placeholder) => (outcome = placeholder),
    release: () => (outcome = undefined),
    fail,
    escaped,
  };
}
