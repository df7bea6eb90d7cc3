import type { OutboundEntry } from '../core/networkSchemas';
import type { LogEntry, RunOutcome, RunRequest, StorageState } from '../core/schemas';
import type { RunHandle, RunOptions, Runner } from '../sandbox/runner';

/** One call of the fake runner, settled by the test. */
export interface FakeRun {
  request: RunRequest;
  options: RunOptions;
  cancelled: boolean;
  log(...entries: LogEntry[]): void;
  /** Reports "Outbound requests" entries; `dropped` as the sandbox counts them. */
  trace(entries: OutboundEntry[], dropped?: number): void;
  /** Reports a successful storage.set of the hook. */
  store(state: StorageState): void;
  settle(outcome: RunOutcome): void;
  finish(): void;
}

/** A Runner for store tests: records requests and lets the test decide what happens. */
export function createFakeRunner() {
  const runs: FakeRun[] = [];
  /** How often the store told the runner a run is coming (Runner.prepare). */
  const prepared = { count: 0 };
  const runner: Runner = {
    prepare() {
      prepared.count += 1;
    },
    run(request, options): RunHandle {
      let settle!: (outcome: RunOutcome) => void;
      let finish!: () => void;
      const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
      const done = new Promise<void>((resolve) => (finish = resolve));
      const fake: FakeRun = {
        request,
        options,
        cancelled: false,
        log: (...entries) => options.onLog(entries),
        trace: (entries, dropped = 0) => options.onRequest?.(entries, dropped),
        store: (state) => options.onStorage?.(state),
        settle,
        finish,
      };
      runs.push(fake);
      options.onStart?.();
      return {
        outcome,
        done,
        cancel: () => {
          fake.cancelled = true;
          settle({ status: 'cancelled', durationMs: 5 });
          finish();
        },
      };
    },
    dispose() {},
  };
  return { runner, runs, prepared };
}

export function logEntry(seq: number, text: string, extra: Partial<LogEntry> = {}): LogEntry {
  return { seq, level: 'log', source: 'hook', timeMs: seq, text, args: [text], ...extra };
}

export function outboundEntry(seq: number, extra: Partial<OutboundEntry> = {}): OutboundEntry {
  return {
    seq,
    kind: 'http',
    timeMs: seq,
    client: 'fetch',
    method: 'GET',
    url: `https://api.example.com/${seq}`,
    answeredBy: 'blocked',
    error: 'no mock matched and the network is off: connect ECONNREFUSED',
    ...extra,
  };
}
