import type { OutboundEntry } from '../core/networkSchemas';
import { REQUEST_LIMITS } from '../core/outputLimits';
import { createBatcher, FLUSH_INTERVAL_MS, type Batcher, type BatchLimits } from './createBatcher';

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
  limits?: BatchLimits;
}

export type RequestBatcher = Batcher<OutboundEntry>;

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

/**
 * The worker's "Outbound requests" stream, like the console's: a hook that requests in a
 * tight loop must not flood the app's main thread. Entries past the run's REQUEST_LIMITS
 * are counted, not sent.
 */
export function createRequestBatcher({
  post,
  setTimer,
  clearTimer,
  intervalMs = FLUSH_INTERVAL_MS,
  limits = REQUEST_LIMITS,
}: RequestBatcherOptions): RequestBatcher {
  return createBatcher<OutboundEntry>({
    post: (entries, dropped) => post({ entries, dropped }),
    setTimer,
    clearTimer,
    intervalMs,
    limits,
    size: textChars,
    admit: (entry, withinBudget) => (withinBudget() ? entry : null),
  });
}
