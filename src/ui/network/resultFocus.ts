import { openInputSection } from '../runner/inputSections';

/**
 * Which auto-mock result's Result box should take the focus. "Set result" asks before the
 * row exists (or while it does, for a rule already there), so the request waits here until
 * that row takes it. Asking opens the Modules section, where the results are listed.
 */
let pending: { hookId: string; index: number } | null = null;
const listeners = new Set<() => void>();

export function requestResultFocus(hookId: string, index: number): void {
  pending = { hookId, index };
  openInputSection('Modules');
  // A row already in the page takes the focus once the opened section has rendered.
  requestAnimationFrame(() => {
    for (const listener of listeners) listener();
  });
}

/** Whether the focus was asked for this row; the request is used up when it was. */
export function takeResultFocus(hookId: string, index: number): boolean {
  if (pending?.hookId !== hookId || pending.index !== index) return false;
  pending = null;
  return true;
}

/** Calls `listener` on every request; returns the unsubscribe. */
export function onResultFocusRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
