import type { PersistenceEvent } from './persistenceEvent';
import { isQuotaExceeded } from './isQuotaExceeded';

export type StorageErrorEvent = Extract<PersistenceEvent, { type: 'error' }>;

export const QUOTA_MESSAGE =
  "The browser's storage is full: your last edits are kept in this tab only. Free some space or export the workspace.";
export const UNAVAILABLE_MESSAGE =
  'This browser does not let Hookpad store the workspace (private browsing?): your work is kept in this tab only and is lost when it closes. Export the workspace to keep it.';

export function describeError(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) {
    return error.message || error.name;
  }
  return String(error);
}

/**
 * The event for a failed read or write. `opening`: the database could not be reached at
 * all, so the workspace lives in memory only.
 */
export function storageErrorEvent(error: unknown, opening = false): StorageErrorEvent {
  if (isQuotaExceeded(error)) return { type: 'error', kind: 'quota', message: QUOTA_MESSAGE };
  if (opening) return { type: 'error', kind: 'unavailable', message: UNAVAILABLE_MESSAGE };
  return {
    type: 'error',
    kind: 'other',
    message: `Your last edits could not be stored (${describeError(error)}). They are kept in this tab and stored again with your next change.`,
  };
}
