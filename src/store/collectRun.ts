import type { OutboundEntry } from '../core/networkSchemas';
import { MAX_LOGS_KEPT, REQUEST_LIMITS } from '../core/outputLimits';
import type { LogEntry, RunOutcome, RunRequest, StorageState } from '../core/schemas';
import type { RunHandle, Runner } from '../sandbox/runner';

/** Everything a finished run reported, once its post-callback grace period is over. */
export interface CollectedRun {
  outcome: RunOutcome;
  logs: LogEntry[];
  requests: OutboundEntry[];
  /** The storage after the run's last write; the one it started with if it wrote none. */
  storageAfter: StorageState;
}

/** A run in flight whose output is kept in memory rather than shown as it arrives. */
export interface CollectingRun {
  /** Never rejects. */
  result: Promise<CollectedRun>;
  cancel(): void;
}

/**
 * Hands `request` to `runner` and keeps what it reports (as far as the output limits allow)
 * until nothing more will come, so late console lines, requests and storage writes count.
 * Throws when the runner refuses the request (e.g. after the page has disposed it).
 */
export function collectRun(
  runner: Runner,
  request: RunRequest,
  options: { timeoutMs: number; onStart?(): void },
): CollectingRun {
  const logs: LogEntry[] = [];
  const requests: OutboundEntry[] = [];
  let storageAfter: StorageState = request.storage ?? {};
  const handle: RunHandle = runner.run(request, {
    timeoutMs: options.timeoutMs,
    ...(options.onStart ? { onStart: options.onStart } : {}),
    onLog: (entries) => logs.push(...entries.slice(0, MAX_LOGS_KEPT - logs.length)),
    onRequest: (entries) =>
      requests.push(...entries.slice(0, REQUEST_LIMITS.maxEntries - requests.length)),
    onStorage: (state) => (storageAfter = state),
  });
  const result = (async () => {
    const outcome = await handle.outcome;
    await handle.done;
    return { outcome, logs, requests, storageAfter };
  })();
  return { result, cancel: () => handle.cancel() };
}
