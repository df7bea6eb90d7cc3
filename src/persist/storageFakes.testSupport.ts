import { createStore, type UseStore } from 'idb-keyval';
import type { LegacyStorage } from './legacy/readLegacyDrafts';
import { STORE_NAME } from './storageKeys';

/** Storage fakes and seams for the persistence layer's tests (not used by the app). */

let counter = 0;
/** A database and channel name no other test uses, so tests never share state. */
export function uniqueName(label: string): string {
  counter += 1;
  return `${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface MemoryStorage extends LegacyStorage {
  items: Map<string, string>;
  key(index: number): string | null;
  readonly length: number;
}

export function createMemoryStorage(initial: Record<string, string> = {}): MemoryStorage {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

/** The database as the tests see it, bypassing the layer. */
export const rawStore = (dbName: string): UseStore => createStore(dbName, STORE_NAME);

/**
 * An object store that counts write transactions and fails them on demand (as a full disk
 * or a refused database would).
 */
export function createStoreSeam() {
  const seam = {
    writes: 0,
    failWith: null as unknown,
    open: (dbName: string, storeName: string): UseStore => {
      const real = createStore(dbName, storeName);
      return (mode, callback) => {
        if (mode === 'readwrite') {
          if (seam.failWith !== null) return Promise.reject(seam.failWith);
          seam.writes += 1;
        }
        return real(mode, callback);
      };
    },
  };
  return seam;
}

export const quotaError = (): DOMException =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');
