// @vitest-environment node
import 'fake-indexeddb/auto';
import { get, keys, set, setMany } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEY } from './legacy/persistedState';
import type { HookRecord } from '../workspace/hookRecord';
import { newHook } from '../workspace/newHook';
import {
  createWorkspacePersistence,
  type PersistenceEvent,
  type PersistenceOptions,
  type WorkspacePersistence,
} from './createWorkspacePersistence';
import { LEGACY_MIGRATED_KEY } from './readLegacyDrafts';
import {
  createStoreSeam,
  legacyStarters,
  legacyStorageWith,
  legacyV1,
  legacyV2,
  legacyV3,
  quotaError,
  rawStore,
  uniqueName,
} from './testSupport';

const opened: WorkspacePersistence[] = [];
afterEach(() => {
  for (const persistence of opened.splice(0)) persistence.close();
});

/** One tab: a persistence layer on `dbName`, with every event it raises recorded. */
function openTab(dbName: string, options: PersistenceOptions = {}) {
  const persistence = createWorkspacePersistence({
    dbName,
    channelName: dbName,
    delayMs: 20,
    legacyStorage: null,
    ...options,
  });
  opened.push(persistence);
  const events: PersistenceEvent[] = [];
  persistence.subscribe((event) => events.push(event));
  const eventually = (expected: Partial<PersistenceEvent> | Record<string, unknown>) =>
    vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining(expected)));
  return { persistence, events, eventually };
}

const hook = (id: string, code = 'module.exports = function (u, c, cb) { cb(); };'): HookRecord => {
  const record = newHook({ pointId: 'pre-user-registration', name: `Hook ${id}`, id, now: 1000 });
  return { ...record, draft: { ...record.draft, code } };
};

const edit = (record: HookRecord, code: string): HookRecord => ({
  ...record,
  draft: { ...record.draft, code },
});

const stored = (dbName: string, id: string) => get<HookRecord>(`hook:${id}`, rawStore(dbName));

const settled = () => new Promise((resolve) => setTimeout(resolve, 60));

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
    expect(await get('meta', rawStore(dbName))).toEqual({ schemaVersion: 1 });
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
        ['meta', { schemaVersion: 1 }],
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
        ['meta', { schemaVersion: 1 }],
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
        ['meta', { schemaVersion: 1 }],
        ['settings', { selectedHookId: 3 }],
      ],
      rawStore(dbName),
    );
    expect((await openTab(dbName).persistence.load()).settings).toBeNull();
  });
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

describe('layout versions', () => {
  it('opens a newer layout read-only, reports it and writes nothing', async () => {
    const dbName = uniqueName('newer');
    const record = { ...hook('a'), rev: 2 };
    await setMany(
      [
        ['meta', { schemaVersion: 2 }],
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

describe('two tabs', () => {
  /** Two tabs on one database, both knowing hook `a` at rev 1. */
  async function twoTabs(optionsB: PersistenceOptions = {}) {
    const dbName = uniqueName('tabs');
    const first = hook('a');
    await setMany(
      [
        ['meta', { schemaVersion: 1 }],
        ['hook:a', { ...first, rev: 1 }],
      ],
      rawStore(dbName),
    );
    const a = openTab(dbName, { tabId: 'tab-a' });
    const b = openTab(dbName, { tabId: 'tab-b', ...optionsB });
    await Promise.all([a.persistence.load(), b.persistence.load()]);
    return { dbName, first, a, b };
  }

  it("A's change reaches B as remote-hook", async () => {
    const { first, a, b } = await twoTabs();
    a.persistence.hookChanged(edit(first, 'from A'));
    await b.eventually({ type: 'remote-hook' });
    const event = b.events.find((candidate) => candidate.type === 'remote-hook');
    expect(event).toMatchObject({ record: { id: 'a', rev: 2, draft: { code: 'from A' } } });
    // A ignores its own broadcast.
    expect(a.events).toEqual([{ type: 'saved', id: 'a', rev: 2 }]);
  });

  it('B applying the remote record and passing it back writes nothing (no echo)', async () => {
    const seam = createStoreSeam();
    const { first, a, b } = await twoTabs({ openStore: seam.open });
    a.persistence.hookChanged(edit(first, 'from A'));
    await b.eventually({ type: 'remote-hook' });
    const event = b.events.find((candidate) => candidate.type === 'remote-hook');
    if (event?.type !== 'remote-hook') throw new Error('no remote-hook');
    b.persistence.hookChanged(event.record);
    await b.persistence.flush();
    expect(seam.writes).toBe(0);
    // B knows rev 2 now: its next edit lands over it.
    b.persistence.hookChanged(edit(first, 'from B'));
    await b.eventually({ type: 'saved', id: 'a', rev: 3 });
  });

  it("B's pending edit vs A's landed one: conflict with both, nothing overwritten; Keep mine writes over", async () => {
    const { dbName, first, a, b } = await twoTabs({ delayMs: 60_000 });
    const mine = edit(first, 'from B');
    b.persistence.hookChanged(mine);
    a.persistence.hookChanged(edit(first, 'from A'));
    await b.eventually({ type: 'conflict' });
    const conflict = b.events.find((event) => event.type === 'conflict');
    expect(conflict).toEqual({
      type: 'conflict',
      mine,
      theirs: expect.objectContaining({
        id: 'a',
        rev: 2,
        draft: expect.objectContaining({ code: 'from A' }),
      }),
    });
    // The conflict cancelled B's pending write: flushing does not overwrite A's edit.
    await b.persistence.flush();
    expect((await stored(dbName, 'a'))?.draft.code).toBe('from A');

    b.persistence.forceHook(mine);
    await b.eventually({ type: 'saved', id: 'a', rev: 3 });
    expect(await stored(dbName, 'a')).toMatchObject({ rev: 3, draft: { code: 'from B' } });
    await a.eventually({ type: 'remote-hook', record: expect.objectContaining({ rev: 3 }) });
  });

  it('a write over a rev that is no longer stored is a conflict, even when no news arrived', async () => {
    // B listens on another channel: only the transaction's rev check protects A's edit.
    const { dbName, first, a, b } = await twoTabs({ channelName: uniqueName('deaf') });
    a.persistence.hookChanged(edit(first, 'from A'));
    await a.eventually({ type: 'saved', id: 'a', rev: 2 });
    const mine = edit(first, 'from B');
    b.persistence.hookChanged(mine);
    await b.eventually({ type: 'conflict' });
    expect(b.events).toEqual([
      { type: 'conflict', mine, theirs: expect.objectContaining({ rev: 2 }) },
    ]);
    expect((await stored(dbName, 'a'))?.draft.code).toBe('from A');
    // Having seen theirs, B's next write (its choice to keep its edit) lands over it.
    b.persistence.forceHook(mine);
    await b.eventually({ type: 'saved', id: 'a', rev: 3 });
  });

  it('a deletion reaches the other tab; with an edit pending there it is a conflict', async () => {
    // B's edits wait for a flush, so its edit is surely pending when A deletes.
    const { dbName, first, a, b } = await twoTabs({ delayMs: 60_000 });
    a.persistence.hookDeleted('a');
    await b.eventually({ type: 'remote-delete', id: 'a' });
    expect(await stored(dbName, 'a')).toBeUndefined();

    // A creates it again; B has an edit pending when A deletes it.
    a.persistence.forceHook(first);
    await b.eventually({ type: 'remote-hook' });
    const mine = edit(first, 'from B');
    b.persistence.hookChanged(mine);
    a.persistence.hookDeleted('a');
    await b.eventually({ type: 'conflict', mine, theirs: null });
  });

  it('deleting a hook another tab changed since brings their change back instead', async () => {
    const { dbName, first, a, b } = await twoTabs({ channelName: uniqueName('deaf') });
    a.persistence.hookChanged(edit(first, 'from A'));
    await a.eventually({ type: 'saved', id: 'a', rev: 2 });
    b.persistence.hookDeleted('a');
    await b.eventually({ type: 'remote-hook', record: expect.objectContaining({ rev: 2 }) });
    expect((await stored(dbName, 'a'))?.draft.code).toBe('from A');
  });

  it('settings are stored but not sent to the other tab', async () => {
    const { dbName, a, b } = await twoTabs();
    a.persistence.settingsChanged({ selectedHookId: 'a', timeoutMs: 800, codePaneFraction: 0.5 });
    await a.persistence.flush();
    await settled();
    expect(b.events).toEqual([]);
    expect(await get('settings', rawStore(dbName))).toMatchObject({ timeoutMs: 800 });
  });
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
