import type { EngineOutcome, LogEntry, StorageState } from '../core/schemas';
import type { OutboundEntry } from '../core/networkSchemas';

/**
 * What the worker of one test posts to the CLI, in order: `started` just before the hook
 * runs (the timeout counts from there), output as it happens, `settled`, then `finished`
 * after the grace period. Output arrives as it happens so a test that times out keeps it.
 */
export type WorkerMessage =
  | { type: 'started' }
  | { type: 'log'; entry: LogEntry }
  | { type: 'request'; entry: OutboundEntry }
  | { type: 'storage'; state: StorageState }
  | { type: 'settled'; outcome: EngineOutcome }
  | { type: 'finished' };
