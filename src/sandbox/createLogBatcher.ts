import type { LogEntry } from '../core/schemas';
import { LOG_LIMITS } from '../core/outputLimits';
import { createBatcher, FLUSH_INTERVAL_MS, type Batcher, type BatchLimits } from './createBatcher';

/** How often a batch is posted at most, while a hook keeps logging. */
export const LOG_FLUSH_INTERVAL_MS = FLUSH_INTERVAL_MS;

export interface LogBatcherOptions {
  post(entries: LogEntry[]): void;
  /** Timer functions captured before the hook runs: the hook may overwrite the globals. */
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(id: unknown): void;
  intervalMs?: number;
  limits?: BatchLimits;
}

export type LogBatcher = Batcher<LogEntry>;

/**
 * The worker's console stream. A hook that prints in a tight loop must not be able to flood
 * the app's main thread (every entry is zod-parsed and rendered there), so past the run's
 * LOG_LIMITS the worker stops forwarding output and says so once. The engine applies the
 * same entry cap; the volume budget is the boundary's own.
 */
export function createLogBatcher({
  post,
  setTimer,
  clearTimer,
  intervalMs = LOG_FLUSH_INTERVAL_MS,
  limits = LOG_LIMITS,
}: LogBatcherOptions): LogBatcher {
  let noticeGiven = false;
  return createBatcher<LogEntry>({
    post: (entries) => {
      if (entries.length > 0) post(entries);
    },
    setTimer,
    clearTimer,
    intervalMs,
    limits,
    size: (entry) => entry.text.length,
    admit(entry, withinBudget) {
      // The engine's own notices bypass the budget (they are bounded by the engine's cap),
      // so e.g. its count of dropped lines at the end of a run still arrives.
      if (entry.source === 'runtime' || withinBudget()) return entry;
      if (noticeGiven) return null;
      noticeGiven = true;
      // Takes the seq of the first dropped entry, so seqs stay unique and in order.
      return {
        seq: entry.seq,
        level: 'warn',
        source: 'runtime',
        timeMs: entry.timeMs,
        text: `Console output limit reached (${limits.maxEntries} entries or ${limits.maxTextChars} characters per run); further output of this run is not shown.`,
        args: [],
        ...(entry.afterCallback ? { afterCallback: true } : {}),
      };
    },
  });
}
