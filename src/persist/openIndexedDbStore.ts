import { createStore, type UseStore } from 'idb-keyval';

/**
 * The browser's IndexedDB object store, opened on first use. Where IndexedDB does not
 * exist at all, every use fails as an open does in private modes that refuse storage.
 */
export function openIndexedDbStore(dbName: string, storeName: string): UseStore {
  if (typeof indexedDB === 'undefined') {
    return () =>
      Promise.reject(new DOMException('IndexedDB is not available here.', 'NotSupportedError'));
  }
  return createStore(dbName, storeName);
}
