import type { StateStorage } from 'zustand/middleware';

export interface DebouncedStorage extends StateStorage<void> {
  /** Writes the pending value now (e.g. on pagehide). */
  flush(): void;
}

/**
 * Wraps a synchronous storage so that bursts of writes (every keystroke in an editor)
 * become one write after `delayMs` of quiet. Reads see the pending value, and `flush`
 * writes it at once, so a page that goes away loses nothing.
 */
export function createDebouncedStorage(target: StateStorage, delayMs: number): DebouncedStorage {
  const pending = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (const [name, value] of pending) {
      try {
        void target.setItem(name, value);
      } catch (error) {
        // Quota exceeded or storage disabled: the work stays in memory and in the editors.
        console.warn('Hookpad could not save your drafts:', error);
      }
    }
    pending.clear();
  };

  return {
    getItem: (name) => pending.get(name) ?? target.getItem(name),
    setItem: (name, value) => {
      pending.set(name, value);
      timer ??= setTimeout(flush, delayMs);
    },
    removeItem: (name) => {
      pending.delete(name);
      void target.removeItem(name);
    },
    flush,
  };
}
