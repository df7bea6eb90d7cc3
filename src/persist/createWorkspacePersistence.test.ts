// @vitest-environment node
import 'fake-indexeddb/auto';
import { get, keys, set, setMany } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA_VERSION } from '../workspace/hookRecord';
import type { HookRecord } from '../workspace/hookRecord';
import { createWorkspacePersistence, type PersistenceEvent } from './createWorkspacePersistence';
import { edit, hook, openTab, opened, settled, stored } from './openTab.testSupport';
import { createStoreSeam, rawStore, uniqueName } from './storageFakes.testSupport';

afterEach(() => {
  for (const persistence of opened.splice(0)) persistence.close();
});

describe('load and write', () => {
  it('loads an empty database as an empty workspace and records the layout version', async () => {
    const dbName = uniqueName('empty');
    const { persistence, events } = openTab(dbName);
    expect(await persistence.load()).toEqual({
      hooks: [],
      settings: null,
      quarantined: [],
      migratedFromLocalStorage: 0,
    });
    expect(await get('meta', rawStore(dbName))).toEqual({
      schemaVersion: WORKSPACE_SCHEMA_VERSION,
    });
    expect(events).toEqual([]);
  });

  it('stores hooks and settings, and a reload restores them', async () => {
    const dbName = uniqueName('round-trip');
    let time = 5000;
    const { persistence, eventually } = openTab(dbName, { now: () => time });
    await persistence.load();
    const first = hook('a');
    persistence.hookChanged({ ...first, rev: 42 });
    await eventually({ type: 'saved', id: 'a', rev: 1 });
    time = 6000;
    persistence.hookChanged(edit(first, 'changed'));
    await eventually({ type: 'saved', id: 'a', rev: 2 });
    const settings = { selectedHookId: 'a', timeoutMs: 1500, codePaneFraction: 0.3 };
    persistence.settingsChanged(settings);
    await persistence.flush();

    const reloaded = await openTab(dbName).persistence.load();
    expect(reloaded.hooks).toEqual([{ ...edit(first, 'changed'), rev: 2, updatedAt: 6000 }]);
    expect(reloaded.settings).toEqual(settings);
  });

  it('returns hooks oldest first', async () => {
    const dbName = uniqueName('order');
    const { persistence } = openTab(dbName);
    await persistence.load();
    persistence.hookChanged({ ...hook('z'), createdAt: 1 });
    persistence.hookChanged({ ...hook('a'), createdAt: 3 });
    persistence.hookChanged({ ...hook('m'), createdAt: 2 });
    await persistence.flush();
    const { hooks } = await openTab(dbName).persistence.load();
    expect(hooks.map((record) => record.id)).toEqual(['z', 'm', 'a']);
  });

  it('coalesces a burst of changes of one hook into one write', async () => {
    const dbName = uniqueName('debounce');
    const seam = createStoreSeam();
    const { persistence, eventually, events } = openTab(dbName, {
      openStore: seam.open,
      delayMs: 40,
    });
    await persistence.load();
    const writesAfterLoad = seam.writes;
    const record = hook('a');
    for (let n = 0; n < 10; n += 1) persistence.hookChanged(edit(record, `code ${n}`));
    await eventually({ type: 'saved', id: 'a' });
    await settled();
    expect(seam.writes - writesAfterLoad).toBe(1);
    expect(events.filter((event) => event.type === 'saved')).toEqual([
      { type: 'saved', id: 'a', rev: 1 },
    ]);
    expect((await stored(dbName, 'a'))?.draft.code).toBe('code 9');
  });

  it('does not write a record that is unchanged from what is stored', async () => {
    const dbName = uniqueName('unchanged');
    const seam = createStoreSeam();
    const { persistence, eventually } = openTab(dbName, { openStore: seam.open });
    await persistence.load();
    persistence.hookChanged(hook('a'));
    await eventually({ type: 'saved', id: 'a', rev: 1 });
    const writes = seam.writes;
    persistence.hookChanged({ ...hook('a'), rev: 0, updatedAt: 1 });
    await persistence.flush();
    expect(seam.writes).toBe(writes);
  });

  it('flush writes what is pending at once, without waiting for the quiet period', async () => {
    const dbName = uniqueName('flush');
    const { persistence, events } = openTab(dbName, { delayMs: 60_000 });
    await persistence.load();
    persistence.hookChanged(hook('a'));
    persistence.hookChanged(hook('b'));
    persistence.settingsChanged({ selectedHookId: 'b', timeoutMs: 900, codePaneFraction: 0.5 });
    await persistence.flush();
    expect((await stored(dbName, 'a'))?.rev).toBe(1);
    expect((await stored(dbName, 'b'))?.rev).toBe(1);
    expect(await get('settings', rawStore(dbName))).toMatchObject({ selectedHookId: 'b' });
    expect(events).toEqual([
      { type: 'saved', id: 'a', rev: 1 },
      { type: 'saved', id: 'b', rev: 1 },
    ]);
  });

  it('deletes a hook', async () => {
    const dbName = uniqueName('delete');
    const { persistence, eventually } = openTab(dbName);
    await persistence.load();
    persistence.hookChanged(hook('a'));
    await eventually({ type: 'saved', id: 'a' });
    persistence.hookDeleted('a');
    await persistence.flush();
    expect(await stored(dbName, 'a')).toBeUndefined();
    expect((await openTab(dbName).persistence.load()).hooks).toEqual([]);
  });

  it('reports a record the store passes that does not parse, and stores nothing', async () => {
    const dbName = uniqueName('invalid');
    const { persistence, eventually } = openTab(dbName);
    await persistence.load();
    persistence.hookChanged({ ...hook('a'), pointId: 'nope' as HookRecord['pointId'] });
    await eventually({ type: 'error', kind: 'other' });
    expect(await stored(dbName, 'a')).toBeUndefined();
  });
});

describe('quarantine', () => {
  it('reports a record that does not parse, never writes over it, and exports it raw', async () => {
    const dbName = uniqueName('quarantine');
    const bad = { ...hook('bad'), rev: 2, draft: 'oops' };
    await setMany(
      [
        ['meta', { schemaVersion: WORKSPACE_SCHEMA_VERSION }],
        ['hook:bad', bad],
        ['hook:good', { ...hook('good'), rev: 3 }],
      ],
      rawStore(dbName),
    );
    const { persistence, eventually } = openTab(dbName);
    const loaded = await persistence.load();
    expect(loaded.hooks.map((record) => record.id)).toEqual(['good']);
    expect(loaded.quarantined).toEqual([
      {
        key: 'hook:bad',
        raw: bad,
        error: 'draft: Invalid input: expected object, received string',
      },
    ]);

    persistence.hookChanged(edit(hook('good'), 'changed'));
    await eventually({ type: 'saved', id: 'good', rev: 4 });
    // An edit under the damaged record's id does not replace it either.
    persistence.hookChanged(hook('bad'));
    await eventually({ type: 'error', kind: 'other', message: expect.stringMatching(/damaged/) });
    persistence.hookDeleted('bad');
    await persistence.flush();

    expect(await get('hook:bad', rawStore(dbName))).toEqual(bad);
    expect(JSON.parse(await persistence.quarantinedRaw('hook:bad'))).toEqual(bad);
    const again = await openTab(dbName).persistence.load();
    expect(again.quarantined.map((record) => record.key)).toEqual(['hook:bad']);
  });

  it('quarantines a valid record stored under another id', async () => {
    const dbName = uniqueName('misfiled');
    await setMany(
      [
        ['meta', { schemaVersion: WORKSPACE_SCHEMA_VERSION }],
        ['hook:x', hook('y')],
      ],
      rawStore(dbName),
    );
    const { quarantined } = await openTab(dbName).persistence.load();
    expect(quarantined).toEqual([
      { key: 'hook:x', raw: hook('y'), error: 'It is stored under hook:x but its id is y.' },
    ]);
  });

  it('loads invalid settings as null', async () => {
    const dbName = uniqueName('bad-settings');
    await setMany(
      [
        ['meta', { schemaVersion: WORKSPACE_SCHEMA_VERSION }],
        ['settings', { selectedHookId: 3 }],
      ],
      rawStore(dbName),
    );
    expect((await openTab(dbName).persistence.load()).settings).toBeNull();
  });
});

describe('layout versions', () => {
  it('opens a newer layout read-only, reports it and writes nothing', async () => {
    const dbName = uniqueName('newer');
    const record = { ...hook('a'), rev: 2 };
    await setMany(
      [
        ['meta', { schemaVersion: WORKSPACE_SCHEMA_VERSION + 1 }],
        ['hook:a', record],
      ],
      rawStore(dbName),
    );
    const { persistence, events } = openTab(dbName);
    const loaded = await persistence.load();
    expect(loaded.hooks).toEqual([record]);
    expect(events).toEqual([
      { type: 'error', kind: 'other', message: expect.stringMatching(/newer version.*read-only/) },
    ]);
    persistence.hookChanged(edit(record, 'mine'));
    persistence.hookChanged(hook('b'));
    persistence.hookDeleted('a');
    persistence.settingsChanged({ selectedHookId: 'a', timeoutMs: 100, codePaneFraction: 0.5 });
    await persistence.flush();
    expect(await get('hook:a', rawStore(dbName))).toEqual(record);
    expect(await keys(rawStore(dbName))).toEqual(['hook:a', 'meta']);
  });

  it('delivers events raised before anyone subscribed to the first subscriber', async () => {
    const dbName = uniqueName('held');
    await set('meta', { schemaVersion: 9 }, rawStore(dbName));
    const persistence = createWorkspacePersistence({
      dbName,
      channelName: dbName,
      legacyStorage: null,
    });
    opened.push(persistence);
    await persistence.load();
    const events: PersistenceEvent[] = [];
    persistence.subscribe((event) => events.push(event));
    expect(events).toEqual([expect.objectContaining({ type: 'error', kind: 'other' })]);
  });
});
