import { openInputSection } from '../runner/inputSections';

/**
 * Which HTTP mock's URL pattern should take the focus. "Add mock" and "Mock this request"
 * ask for it before the mock's row exists (or while it does, for a mock already there), so
 * the request waits here until that row takes it. Asking opens the HTTP mocks section.
 */
let pending: string | null = null;
const listeners = new Set<() => void>();

export function requestMockFocus(mockId: string): void {
  pending = mockId;
  openInputSection('HTTP mocks');
  // A row already in the page takes the focus once the opened section has rendered:
  // a hidden field cannot take it. A new row takes it when it mounts.
  requestAnimationFrame(() => {
    for (const listener of listeners) listener();
  });
}

/** Whether the focus was asked for this mock; the request is used up when it was. */
export function takeMockFocus(mockId: string): boolean {
  if (pending !== mockId) return false;
  pending = null;
  return true;
}

/** Calls `listener` on every request; returns the unsubscribe. */
export function onMockFocusRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
