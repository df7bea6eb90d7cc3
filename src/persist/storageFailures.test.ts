// @vitest-environment node
import 'fake-indexeddb/auto';
import { get } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { STORAGE_KEY } from './legacy/persistedState';
import { legacyStorageWith, legacyV1 } from './legacyDrafts.testSupport';
import { hook, openTab, opened, stored } from './openTab.testSupport';
import { createStoreSeam, quotaError, rawStore, uniqueName } from './storageFakes.testSupport';

afterEach(() => {
  for (const persistence of opened.splice(0)) persistence.close();
});

describe('storage failures', () => {
  it('a full storage is reported; the edit is kept and written once space is back', async () => {
    const dbName = uniqueName('quota');
    const seam = createStoreSeam();
    const { persistence, eventually, events } = openTab(dbName, { openStore: seam.open });
    await persistence.load();
    seam.failWith = quotaError();
    persistence.hookChanged(hook('a', 'kept'));
    await eventually({ type: 'error', kind: 'quota' });
    expect(events[0]).toEqual({
      type: 'error',
      kind: 'quota',
      message:
        "The browser's storage is full: your last edits are kept in this tab only. Free some space or export the workspace.",
    });
    expect(await stored(dbName, 'a')).toBeUndefined();

    seam.failWith = null;
    // The next change (of another hook) retries the failed one too.
    persistence.hookChanged(hook('b'));
    await eventually({ type: 'saved', id: 'a', rev: 1 });
    await eventually({ type: 'saved', id: 'b', rev: 1 });
    expect((await stored(dbName, 'a'))?.draft.code).toBe('kept');
  });

  it('flush retries a failed write', async () => {
    const dbName = uniqueName('quota-flush');
    const seam = createStoreSeam();
    const { persistence, eventually } = openTab(dbName, { openStore: seam.open });
    await persistence.load();
    seam.failWith = quotaError();
    persistence.settingsChanged({ selectedHookId: null, timeoutMs: 100, codePaneFraction: 0.5 });
    persistence.hookChanged(hook('a'));
    await persistence.flush();
    await eventually({ type: 'error', kind: 'quota' });
    seam.failWith = null;
    await persistence.flush();
    expect((await stored(dbName, 'a'))?.rev).toBe(1);
    expect(await get('settings', rawStore(dbName))).toMatchObject({ timeoutMs: 100 });
  });

  it('without IndexedDB the workspace lives in memory: reported, legacy drafts migrated in memory', async () => {
    const legacyStorage = legacyStorageWith(legacyV1);
    const { persistence, events } = openTab(uniqueName('unavailable'), {
      legacyStorage,
      openStore: () => () =>
        Promise.reject(new DOMException('A mutation operation was attempted', 'InvalidStateError')),
    });
    const loaded = await persistence.load();
    expect(loaded.hooks.map((record) => record.name)).toEqual(['Post-User Registration']);
    expect(loaded.migratedFromLocalStorage).toBe(1);
    expect(loaded.settings?.selectedHookId).toBe(loaded.hooks[0]!.id);
    expect(events).toEqual([
      { type: 'error', kind: 'unavailable', message: expect.stringMatching(/this tab only/) },
    ]);
    // Nothing was written anywhere, so the old drafts stay where they are.
    expect(legacyStorage.items.has(STORAGE_KEY)).toBe(true);
    persistence.hookChanged(hook('a'));
    await persistence.flush();
    expect(events).toHaveLength(1);
  });

  it('an open that throws instead of failing is "unavailable" too', async () => {
    const { persistence, events } = openTab(uniqueName('throws'), {
      openStore: () => () => {
        throw new ReferenceError('indexedDB is not defined');
      },
    });
    expect((await persistence.load()).hooks).toEqual([]);
    expect(events).toEqual([expect.objectContaining({ kind: 'unavailable' })]);
  });
});
