import type { OutboundEntry } from '../core/networkSchemas';
import type { LogEntry, StorageState } from '../core/schemas';
import { PROMISE_SETTLED_WITHOUT_CB } from '../core/runtimeMessages';
import type { ActiveRun } from './runnerState';

// Hands a run's parsed reports to its callbacks; a callback that throws (a UI bug) must not
// break the run.

export function deliverLogs(run: ActiveRun, entries: LogEntry[]) {
  // An async export that resolved without cb: the timeout's hint should say so.
  if (entries.some((e) => e.source === 'runtime' && e.text === PROMISE_SETTLED_WITHOUT_CB)) {
    run.hint = PROMISE_SETTLED_WITHOUT_CB;
  }
  try {
    run.onLog(entries);
  } catch (error) {
    console.error('Hookpad sandbox: onLog threw', error);
  }
}

export function deliverRequests(run: ActiveRun, entries: OutboundEntry[], dropped: number) {
  try {
    run.onRequest?.(entries, dropped);
  } catch (error) {
    console.error('Hookpad sandbox: onRequest threw', error);
  }
}

export function deliverStorage(run: ActiveRun, state: StorageState) {
  try {
    run.onStorage?.(state);
  } catch (error) {
    console.error('Hookpad sandbox: onStorage threw', error);
  }
}
