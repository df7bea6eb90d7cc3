import type { CodeLocation, JsonValue, LogEntry, LogLevel } from './schemas';
import { MAX_LOG_ENTRIES } from './outputLimits';

export interface LogInput {
  level: LogLevel;
  source: LogEntry['source'];
  text: string;
  args?: JsonValue[];
  location?: CodeLocation;
}

export interface LogSink {
  emit(input: LogInput): void;
  /** From now on entries are marked `afterCallback` (docs/runtime-semantics.md §7). */
  markAfterCallback(): void;
  /** Emits the one "N more console lines were dropped" entry, if any were; then stops. */
  close(): void;
}

/**
 * Numbers entries, stamps the time since the run started, applies the entry cap, and stops
 * delivering once the run is finished (a stray timer must not write into the next run).
 */
export function createLogSink(options: {
  onLog(entry: LogEntry): void;
  now(): number;
  start: number;
  maxEntries?: number;
}): LogSink {
  const max = options.maxEntries ?? MAX_LOG_ENTRIES;
  let seq = 0;
  let dropped = 0;
  let afterCallback = false;
  let closed = false;

  function deliver(input: LogInput): void {
    const entry: LogEntry = {
      seq: seq++,
      level: input.level,
      source: input.source,
      timeMs: Math.max(0, options.now() - options.start),
      text: input.text,
      args: input.args ?? [],
    };
    if (input.location) entry.location = input.location;
    if (afterCallback) entry.afterCallback = true;
    try {
      options.onLog(entry);
    } catch {
      // The host's listener failing must not turn into a hook error.
    }
  }

  return {
    emit(input) {
      if (closed) return;
      if (seq >= max) {
        dropped++;
        return;
      }
      deliver(input);
    },
    markAfterCallback() {
      afterCallback = true;
    },
    close() {
      if (closed) return;
      if (dropped > 0) {
        const lines = dropped === 1 ? 'console line was' : 'console lines were';
        deliver({ level: 'warn', source: 'runtime', text: `${dropped} more ${lines} dropped` });
      }
      closed = true;
    },
  };
}
