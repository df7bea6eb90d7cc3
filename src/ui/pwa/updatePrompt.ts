/**
 * Whether a new build of Hookpad waits to take over, and what Reload does about it. A new
 * service worker only ever waits: it takes over when the user chooses Reload, never by
 * itself, so nothing changes under an edit in progress.
 */
export type UpdateStatus = 'current' | 'available' | 'reloading';

/** What the update prompt needs from the service worker's registration (workbox-window). */
export interface UpdateSource {
  /** Calls back when a new worker is installed and waits (also one found at page load). */
  onWaiting(listener: () => void): void;
  /** Calls back when a new worker has taken control of this page. */
  onControlling(listener: () => void): void;
  /** Asks the waiting worker to take over; false when none waits (another tab took it). */
  skipWaiting(): boolean;
}

export interface UpdatePrompt {
  status(): UpdateStatus;
  subscribe(listener: () => void): () => void;
  /** Reload: the new worker takes over, then the page reloads once it controls it. */
  apply(): void;
}

export function createUpdatePrompt(source: UpdateSource, reload: () => void): UpdatePrompt {
  let status: UpdateStatus = 'current';
  const listeners = new Set<() => void>();
  const set = (next: UpdateStatus) => {
    status = next;
    for (const listener of listeners) listener();
  };
  source.onWaiting(() => {
    if (status === 'current') set('available');
  });
  source.onControlling(() => {
    // Another tab's Reload also hands this page to the new worker; only a page that asked
    // reloads, the others keep offering Reload.
    if (status === 'reloading') reload();
    else set('available');
  });
  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply() {
      if (status !== 'available') return;
      set('reloading');
      // No worker waits when another tab's Reload already activated it: this page is then
      // already controlled by the new build and only needs to load it.
      if (!source.skipWaiting()) reload();
    },
  };
}
