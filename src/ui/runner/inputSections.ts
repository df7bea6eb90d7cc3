import { useSyncExternalStore } from 'react';

/** The run inputs that fold away under their title (the payload and timeout stay shown). */
export type InputName = 'Secrets' | 'Storage' | 'HTTP mocks' | 'Modules' | 'Dependencies';

/**
 * Which input sections are open. All start closed so the result has the room after a run;
 * a quick fix or an "Add" button opens the section it puts something in. Kept for the
 * page's life only: it is a view choice, not part of a hook.
 */
let open: ReadonlySet<InputName> = new Set();
const listeners = new Set<() => void>();

function set(next: ReadonlySet<InputName>): void {
  open = next;
  for (const listener of listeners) listener();
}

export function openInputSection(name: InputName): void {
  if (!open.has(name)) set(new Set(open).add(name));
}

export function toggleInputSection(name: InputName): void {
  const next = new Set(open);
  if (!next.delete(name)) next.add(name);
  set(next);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useInputSectionOpen(name: InputName): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open.has(name),
    () => false,
  );
}
