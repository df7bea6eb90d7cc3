import type { OutboundEntry } from '../core/networkSchemas';
import { LOG_FLUSH_INTERVAL_MS } from './createLogBatcher';

/**
 * Caps on the "Outbound requests" entries one run may send to the host, like LOG_LIMITS: a
 * hook that requests in a tight loop must not flood the app's main thread. Bodies are
 * already capped per entry by the engine (TRACE_BODY_LIMIT); the character budget bounds
 * the total. Entries past a limit are counted, not sent.
 */
export const REQUEST_LIMITS = { maxEntries: 1_000, maxTextChars: 8_000_000 } as const;

export interface RequestBatch {
  entries: OutboundEntry[];
  /** Entries not forwarded (over the limits) since the previous batch. */
  dropped: number;
}

export interface RequestBatcherOptions {
  post(batch: RequestBatch): void;
  /** Timer functions captured before the hook runs: the hook may overwrite the globals. */
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(id: unknown): void;
  intervalMs?: number;
  limits?: { maxEntries: number; maxTextChars: number };
}

export interface RequestBatcher {
  push(entry: OutboundEntry): void;
  /** Posts what is buffered now; called before `settled` and `finished`. */
  flush(): void;
}

/** The texts of an entry that count against the character budget. */
function textChars(entry: OutboundEntry): number {
  let chars = (entry.url?.length ?? 0) + (entry.call?.length ?? 0);
  chars += (entry.requestBody?.length ?? 0) + (entry.responseBody?.length ?? 0);
  for (const headers of [entry.requestHeaders, entry.responseHeaders]) {
    if (!headers) continue;
    for (const key in headers) chars += key.length + (headers[key]?.length ?? 0);
  }
  // Arguments are bounded by the engine's serializer; a rough size is enough here.
  if (entry.args) chars += JSON.stringify(entry.args).length;
  return chars;
}

export function createRequestBatcher({
  post,
  setTimer,
  clearTimer,
  intervalMs = LOG_FLUSH_INTERVAL_MS,
  limits = REQUEST_LIMITS,
}: RequestBatcherOptions): RequestBatcher {
  let buffer: OutboundEntry[] = [];
  let dropped = 0;
  let timer: unknown = null;
  let entries = 0;
  let chars = 0;
  let overLimit = false;

  function flush() {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (buffer.length === 0 && dropped === 0) return;
    const batch: RequestBatch = { entries: buffer, dropped };
    buffer = [];
    dropped = 0;
    post(batch);
  }

  function push(entry: OutboundEntry) {
    if (!overLimit) {
      entries += 1;
      chars += textChars(entry);
      overLimit = entries > limits.maxEntries || chars > limits.maxTextChars;
    }
    if (overLimit) dropped += 1;
    else buffer.push(entry);
    if (timer === null) timer = setTimer(flush, intervalMs);
  }

  return { push, flush };
}
