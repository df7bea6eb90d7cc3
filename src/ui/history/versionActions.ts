import { useSyncExternalStore } from 'react';
import { appStore } from '../../store';
import { restoreNotice, SAVED_NOTICE } from './versionHistory';

/**
 * Save and restore as the UI does them, with the status History announces afterwards.
 * Both History and the comparison view (in the code pane) restore, and the words belong
 * to the hook they were said about, so the notice lives here rather than in a component.
 */
export interface VersionNotice {
  hookId: string;
  text: string;
}

let notice: VersionNotice | null = null;
const listeners = new Set<() => void>();

function setNotice(next: VersionNotice | null): void {
  notice = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The last save/restore status about `hookId`, or '' (another hook's is not shown). */
export function useVersionNotice(hookId: string): string {
  const current = useSyncExternalStore(subscribe, () => notice);
  return current?.hookId === hookId ? current.text : '';
}

export function saveVersionNow(hookId: string, message: string): void {
  appStore.getState().saveVersion(hookId, message);
  setNotice({ hookId, text: SAVED_NOTICE });
}

/** Restores; the store first keeps an unsaved draft as a version, and the notice says so. */
export function restoreVersionNow(hookId: string, versionId: string): void {
  const result = appStore.getState().restoreVersion(hookId, versionId);
  setNotice({ hookId, text: restoreNotice(result.restored && result.keptDraftAsVersion) });
}
