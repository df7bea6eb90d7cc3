// @vitest-environment node
import 'fake-indexeddb/auto';
import { get, setMany } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA_VERSION } from '../workspace/hookRecord';
import type { PersistenceOptions } from './createWorkspacePersistence';
import { edit, hook, openTab, opened, settled, stored } from './openTab.testSupport';
import { createStoreSeam, rawStore, uniqueName } from './storageFakes.testSupport';

afterEach(() => {
  for (const persistence of opened.splice(0)) persistence.close();
});

describe('two tabs', () => {
  /** Two tabs on one database, both knowing hook `a` at rev 1. */
  async function twoTabs(optionsB: PersistenceOptions = {}) {
    const dbName = uniqueName('tabs');
    const first = hook('a');
    await setMany(
      [
        ['meta', { schemaVersion: WORKSPACE_SCHEMA_VERSION }],
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
