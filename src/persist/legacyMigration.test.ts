// @vitest-environment node
import 'fake-indexeddb/auto';
import { keys } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { STORAGE_KEY } from './legacy/persistedState';
import { openTab, opened } from './openTab.testSupport';
import { LEGACY_MIGRATED_KEY } from './legacy/readLegacyDrafts';
import {
  legacyStarters,
  legacyStorageWith,
  legacyV1,
  legacyV2,
  legacyV3,
} from './legacyDrafts.testSupport';
import { createStoreSeam, quotaError, rawStore, uniqueName } from './storageFakes.testSupport';

afterEach(() => {
  for (const persistence of opened.splice(0)) persistence.close();
});

describe('migrating the localStorage drafts', () => {
  it.each([
    ['1', legacyV1, ['Post-User Registration'], 'Post-User Registration'],
    ['2', legacyV2, ['Pre-User Registration', 'Send Phone Message'], 'Send Phone Message'],
    ['3', legacyV3, ['Post Change Password'], null],
  ])(
    'version %s: hooks created, written, selected; the old key renamed',
    async (_v, fixture, names, selected) => {
      const dbName = uniqueName('legacy');
      const legacyStorage = legacyStorageWith(fixture);
      const text = legacyStorage.items.get(STORAGE_KEY);
      const { persistence } = openTab(dbName, { legacyStorage, now: () => 7000 });
      const loaded = await persistence.load();

      expect(loaded.migratedFromLocalStorage).toBe(names.length);
      expect(loaded.hooks.map((record) => record.name)).toEqual(names);
      expect(loaded.hooks.every((record) => record.rev === 1)).toBe(true);
      const selectedHook = loaded.hooks.find(
        (record) => record.id === loaded.settings?.selectedHookId,
      );
      expect(selectedHook?.name ?? null).toBe(selected);
      expect(loaded.settings).toMatchObject({
        timeoutMs: fixture.state.timeoutMs,
        codePaneFraction: fixture.state.codePaneFraction,
      });
      expect(legacyStorage.items.has(STORAGE_KEY)).toBe(false);
      expect(legacyStorage.items.get(LEGACY_MIGRATED_KEY)).toBe(text);

      // Stored: a reload (even with the old drafts back) finds them and migrates nothing.
      const reloaded = await openTab(dbName, {
        legacyStorage: legacyStorageWith(fixture),
      }).persistence.load();
      expect(reloaded.migratedFromLocalStorage).toBe(0);
      expect(reloaded.hooks).toEqual(loaded.hooks);
      expect(reloaded.settings).toEqual(loaded.settings);
    },
  );

  it('creates no hooks when the drafts equal the starters', async () => {
    const dbName = uniqueName('legacy-starters');
    const legacyStorage = legacyStorageWith(legacyStarters);
    const loaded = await openTab(dbName, { legacyStorage }).persistence.load();
    expect(loaded.hooks).toEqual([]);
    expect(loaded.migratedFromLocalStorage).toBe(0);
    expect(loaded.settings).toEqual({
      selectedHookId: null,
      timeoutMs: 3000,
      codePaneFraction: 0.5,
    });
    expect(await keys(rawStore(dbName))).toEqual(['meta', 'settings']);
    expect(legacyStorage.items.has(LEGACY_MIGRATED_KEY)).toBe(true);
  });

  it('two tabs loading at once migrate the drafts once', async () => {
    const dbName = uniqueName('legacy-race');
    const legacyStorage = legacyStorageWith(legacyV2);
    const [a, b] = await Promise.all([
      openTab(dbName, { legacyStorage }).persistence.load(),
      openTab(dbName, { legacyStorage }).persistence.load(),
    ]);
    expect(a.migratedFromLocalStorage + b.migratedFromLocalStorage).toBe(2);
    expect(a.hooks.map((record) => record.id)).toEqual(b.hooks.map((record) => record.id));
    expect(
      (await keys(rawStore(dbName))).filter((key) => String(key).startsWith('hook:')),
    ).toHaveLength(2);
  });

  it('keeps the old key when the first write fails, and writes the hooks once it can', async () => {
    const dbName = uniqueName('legacy-quota');
    const seam = createStoreSeam();
    seam.failWith = quotaError();
    const legacyStorage = legacyStorageWith(legacyV1);
    const { persistence, eventually } = openTab(dbName, { legacyStorage, openStore: seam.open });
    const loaded = await persistence.load();
    expect(loaded.hooks.map((record) => record.name)).toEqual(['Post-User Registration']);
    await eventually({ type: 'error', kind: 'quota' });
    expect(legacyStorage.items.has(STORAGE_KEY)).toBe(true);

    seam.failWith = null;
    await persistence.flush();
    expect(legacyStorage.items.has(STORAGE_KEY)).toBe(false);
    const reloaded = await openTab(dbName).persistence.load();
    expect(reloaded.hooks.map((record) => record.name)).toEqual(['Post-User Registration']);
    expect(reloaded.settings?.selectedHookId).toBe(loaded.hooks[0]!.id);
  });
});
