import type { LogEntry } from '../core/schemas';

/**
 * Caps on what one run may send to the host. A hook that prints in a tight loop must not be
 * able to flood the app's main thread (every entry is zod-parsed and rendered there), so the
 * worker stops forwarding output past these and says so once. The engine has its own,
 * smaller entry cap (MAX_LOG_ENTRIES); this is the boundary's guarantee, and also bounds volume.
 */
export const LOG_LIMITS = { maxEntries: 5_000, maxTextChars: 4_000_000 } as const;

/** How often a batch is posted at most, while a hook keeps logging. */
export const LOG_FLUSH_INTERVAL_MS = 40;

export interface LogBatcherOptions {
  post(entries: LogEntry[]): void;
  /** Timer functions captured before the hook runs: the hook may overwrite the globals. */
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(id: unknown): void;
  intervalMs?: number;
  limits?: { maxEntries: number; maxTextChars: number };
}

export interface LogBatcher {
  push(entry: LogEntry): void;
  /** Posts what is buffered now; called before `settled` and `finished` so logs arrive first. */
  flush(): void;
}

export function createLogBatcher({
  post,
  setTimer,
  clearTimer,
  intervalMs = LOG_FLUSH_INTERVAL_MS,
  limits = LOG_LIMITS,
}: LogBatcherOptions): LogBatcher {
  let buffer: LogEntry[] = [];
  let timer: unknown = null;
  let entries = 0;
  let textChars = 0;
  let overLimit = false;

  function flush() {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    post(batch);
  }

  function push(entry: LogEntry) {
    if (entry.source === 'runtime' || withinLimits(entry)) {
      buffer.push(entry);
    } else if (!overLimit) {
      overLimit = true;
      // Takes the seq of the first dropped entry, so seqs stay unique and in order.
      buffer.push({
        seq: entry.seq,
        level: 'warn',
        source: 'runtime',
        timeMs: entry.timeMs,
        text: `Console output limit reached (${limits.maxEntries} entries or ${limits.maxTextChars} characters per run); further output of this run is not shown.`,
        args: [],
        ...(entry.afterCallback ? { afterCallback: true } : {}),
      });
    } else {
      return;
    }
    if (timer === null) timer = setTimer(flush, intervalMs);
  }

  // The engine's own notices bypass the budget (they are bounded by the engine's cap), so
  // e.g. its count of dropped lines at the end of a run still arrives.
  function withinLimits(entry: LogEntry): boolean {
    if (overLimit) return false;
    entries += 1;
    textChars += entry.text.length;
    return entries <= limits.maxEntries && textChars <= limits.maxTextChars;
  }

  return { push, flush };
}
