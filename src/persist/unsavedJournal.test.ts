import 'fake-indexeddb/auto';
import { createStore, get, type UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HookRecord } from '../workspace/hookRecord';
import { newHook } from '../workspace/newHook';
import {
  createWorkspacePersistence,
  type PersistenceEvent,
  type WorkspacePersistence,
} from './createWorkspacePersistence';
import { createMemoryStorage, rawStore, uniqueName } from './storageFakes.testSupport';
import { journalPrefix, readJournals, replayJournals, writeJournal } from './unsavedJournal';

const hook = (id: string, code: string, rev = 1): HookRecord => {
  const record = newHook({ pointId: 'pre-user-registration', name: `Hook ${id}`, id, now: 1000 });
  return { ...record, rev, draft: { ...record.draft, code } };
};

describe('replayJournals', () => {
  it('applies an edit made over the stored revision and writes it', () => {
    const stored = hook('a', 'old', 3);
    const edited = { ...hook('a', 'new', 3) };
    const result = replayJournals([stored], null, [
      { entries: [{ record: edited, baseRev: 3 }], settings: null },
    ]);
    expect(result.hooks.map((h) => h.draft.code)).toEqual(['new']);
    expect(result.writes).toEqual([{ ...edited, rev: 3 }]);
    expect(result.notes).toEqual([]);
  });

  it('skips an edit that is already stored and adds a never-stored hook', () => {
    const stored = hook('a', 'same', 4);
    const fresh = hook('b', 'fresh', 0);
    const result = replayJournals([stored], null, [
      {
        entries: [
          { record: { ...stored, rev: 3 }, baseRev: 3 },
          { record: fresh, baseRev: null },
        ],
        settings: null,
      },
    ]);
    expect(result.hooks.map((h) => h.id)).toEqual(['a', 'b']);
    expect(result.writes.map((h) => h.id)).toEqual(['b']);
  });

  it('keeps an edit over a revision another tab replaced as a copy, and says so', () => {
    const theirs = hook('a', 'theirs', 5);
    const mine = hook('a', 'mine', 4);
    const result = replayJournals([theirs], null, [
      { entries: [{ record: mine, baseRev: 4 }], settings: null },
    ]);
    expect(result.hooks).toHaveLength(2);
    expect(result.hooks[0]).toBe(theirs);
    const copy = result.hooks[1]!;
    expect(copy.id).not.toBe('a');
    expect(copy.name).toBe('Hook a unsaved copy');
    expect(copy.draft.code).toBe('mine');
    expect(result.writes).toEqual([copy]);
    expect(result.notes[0]).toContain('kept as “Hook a unsaved copy”');
  });

  it('treats a write that was on its way as the base when it landed', () => {
    // The page journaled an edit while the hook's first write (rev 0 → 1) was in flight.
    const first = hook('a', 'starter', 0);
    const landed = { ...first, rev: 1 };
    const edit = hook('a', 'edited', 0);
    const result = replayJournals([landed], null, [
      { entries: [{ record: edit, baseRev: null, inFlight: first }], settings: null },
    ]);
    expect(result.hooks.map((h) => h.draft.code)).toEqual(['edited']);
    expect(result.writes).toEqual([{ ...edit, rev: 1 }]);
    expect(result.notes).toEqual([]);
  });

  it('takes the journal’s settings', () => {
    const settings = { selectedHookId: 'a', timeoutMs: 2000, codePaneFraction: 0.5 };
    expect(replayJournals([], null, [{ entries: [], settings }]).settings).toEqual(settings);
  });
});

describe('journal storage', () => {
  it('writes, reads back every tab’s journal, and removes an empty one', () => {
    const storage = createMemoryStorage({ unrelated: 'x', 'hookpad:unsaved:db:tab-1': '{bad' });
    writeJournal(storage, 'hookpad:unsaved:db:tab-2', {
      entries: [{ record: hook('a', 'x'), baseRev: 1 }],
      settings: null,
    });
    const { keys, journals } = readJournals(storage, journalPrefix('db'));
    expect(keys.sort()).toEqual(['hookpad:unsaved:db:tab-1', 'hookpad:unsaved:db:tab-2']);
    expect(journals).toHaveLength(1);
    writeJournal(storage, 'hookpad:unsaved:db:tab-2', { entries: [], settings: null });
    expect(storage.items.has('hookpad:unsaved:db:tab-2')).toBe(false);
  });
});

describe('a page that closes before its edit is written', () => {
  const opened: WorkspacePersistence[] = [];
  afterEach(() => {
    for (const persistence of opened.splice(0)) persistence.close();
  });
  const open = (
    dbName: string,
    journalStorage: ReturnType<typeof createMemoryStorage>,
    openStore?: (dbName: string, storeName: string) => UseStore,
  ) => {
    const persistence = createWorkspacePersistence({
      dbName,
      channelName: dbName,
      legacyStorage: null,
      journalStorage,
      ...(openStore ? { openStore } : {}),
      // Long enough that the "closed" page never writes by itself during the test.
      delayMs: 60_000,
    });
    opened.push(persistence);
    const events: PersistenceEvent[] = [];
    persistence.subscribe((event) => events.push(event));
    return { persistence, events };
  };

  it('loses nothing: the next load replays the journaled edit and stores it', async () => {
    const dbName = uniqueName('journal');
    const journal = createMemoryStorage();
    const first = open(dbName, journal);
    await first.persistence.load();
    const record = hook('j', 'typed just before closing', 0);
    first.persistence.hookChanged(record);
    first.persistence.journalPending();
    expect([...journal.items.keys()].some((key) => key.startsWith(journalPrefix(dbName)))).toBe(
      true,
    );

    const next = open(dbName, journal);
    const loaded = await next.persistence.load();
    expect(loaded.hooks.map((h) => h.draft.code)).toEqual(['typed just before closing']);
    await next.persistence.flush();
    await vi.waitFor(async () => {
      const stored = await get<HookRecord>('hook:j', rawStore(dbName));
      expect(stored?.draft.code).toBe('typed just before closing');
    });
    // Replayed journals are gone; nothing is replayed twice.
    expect([...journal.items.keys()].filter((key) => key.startsWith('hookpad:unsaved:'))).toEqual(
      [],
    );
  });

  it('journals a write that is on its way, not only pending ones', async () => {
    const dbName = uniqueName('journal');
    const journal = createMemoryStorage();
    // Write transactions wait for `release`: the page goes while the write is on its way.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let writeStarted = () => {};
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    let loaded = false;
    const tab = open(dbName, journal, (name, storeName) => {
      const real = createStore(name, storeName);
      return (mode, callback) => {
        if (mode !== 'readwrite' || !loaded) return real(mode, callback);
        writeStarted();
        return held.then(() => real(mode, callback));
      };
    });
    await tab.persistence.load();
    loaded = true;
    tab.persistence.hookChanged(hook('f', 'in flight', 0));
    const landing = tab.persistence.flush();
    await started;
    tab.persistence.journalPending();
    release();
    const entries = readJournals(journal, journalPrefix(dbName)).journals.flatMap(
      (entry) => entry.entries,
    );
    expect(entries.map((entry) => entry.record.draft.code)).toEqual(['in flight']);
    await landing;
  });

  it('journals a settings write that is on its way (the selected hook survives a reload)', async () => {
    const dbName = uniqueName('journal');
    const journal = createMemoryStorage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let writeStarted = () => {};
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    let loaded = false;
    const tab = open(dbName, journal, (name, storeName) => {
      const real = createStore(name, storeName);
      return (mode, callback) => {
        if (mode !== 'readwrite' || !loaded) return real(mode, callback);
        writeStarted();
        return held.then(() => real(mode, callback));
      };
    });
    await tab.persistence.load();
    loaded = true;
    const settings = { selectedHookId: 'picked', timeoutMs: 2000, codePaneFraction: 0.5 };
    tab.persistence.settingsChanged(settings);
    const landing = tab.persistence.flush();
    await started;
    tab.persistence.journalPending();
    release();
    const journaled = readJournals(journal, journalPrefix(dbName)).journals.map(
      (entry) => entry.settings,
    );
    expect(journaled).toEqual([settings]);
    await landing;
  });

  it('removes its own journal once a flush has written everything', async () => {
    const dbName = uniqueName('journal');
    const journal = createMemoryStorage();
    const tab = open(dbName, journal);
    await tab.persistence.load();
    tab.persistence.hookChanged(hook('k', 'x', 0));
    tab.persistence.journalPending();
    expect(journal.items.size).toBe(1);
    await tab.persistence.flush();
    expect(journal.items.size).toBe(0);
  });
});
