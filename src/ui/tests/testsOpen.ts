import { useSyncExternalStore } from 'react';

/**
 * Whether the Tests region is open. It starts closed so the results have the room; saving a
 * test or running tests opens it. Kept for the page's life only, like the input sections.
 */
let open = false;
const listeners = new Set<() => void>();

export function setTestsOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useTestsOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  );
}
