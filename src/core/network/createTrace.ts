import type { OutboundEntry } from '../networkSchemas';

export type TraceInput = Omit<OutboundEntry, 'seq' | 'timeMs' | 'afterCallback'> & {
  /** When the request (or call) started, on the run's clock. */
  startedAt: number;
};

export interface Trace {
  /** One finished request or SDK call; numbered, timed and marked like log entries. */
  record(input: TraceInput): void;
  /** Entries recorded from now on are marked `afterCallback` (the log sink's phase). */
  markAfterCallback(): void;
  /** The run is finished: nothing more is delivered. */
  close(): void;
}

export function createTrace(options: {
  onEntry?(entry: OutboundEntry): void;
  now(): number;
  start: number;
}): Trace {
  let seq = 0;
  let afterCallback = false;
  let closed = false;
  return {
    record({ startedAt, ...input }) {
      if (closed || !options.onEntry) return;
      const entry: OutboundEntry = {
        seq: seq++,
        ...input,
        timeMs: Math.max(0, startedAt - options.start),
      };
      if (afterCallback) entry.afterCallback = true;
      for (const key of Object.keys(entry) as (keyof OutboundEntry)[]) {
        if (entry[key] === undefined) delete entry[key];
      }
      try {
        options.onEntry(entry);
      } catch {
        // The host's listener failing must not turn into a hook error.
      }
    },
    markAfterCallback() {
      afterCallback = true;
    },
    close() {
      closed = true;
    },
  };
}
