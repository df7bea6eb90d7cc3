import type { UseStore } from 'idb-keyval';
import type { HookRecord, WorkspaceSettings } from '../workspace/hookRecord';
import { newId } from '../workspace/newHook';
import { createFirstImport } from './createFirstImport';
import { createKnownRecords } from './createKnownRecords';
import { createPageJournal } from './createPageJournal';
import { createPersistenceEvents } from './createPersistenceEvents';
import { createTabChannel } from './createTabChannel';
import { createWriteQueue } from './createWriteQueue';
import { loadWorkspace, type StorageMode } from './loadWorkspace';
import { openIndexedDbStore } from './openIndexedDbStore';
import type { PersistenceEvent } from './persistenceEvent';
import { rawJson } from './rawJson';
import type { LegacyStorage } from './legacy/readLegacyDrafts';
import { STORE_NAME } from './storageKeys';
import type { JournalStorage } from './unsavedJournal';
import { createWorkspaceRepository, type LoadedWorkspace } from './workspaceRepository';

export type { PersistenceEvent } from './persistenceEvent';

export interface WorkspacePersistence {
  load(): Promise<LoadedWorkspace>;
  /** A hook changed in this tab: stored after `delayMs` of quiet per hook, over the rev this layer last knew for it. */
  hookChanged(record: HookRecord): void;
  hookDeleted(id: string): void;
  /** Overwrites whatever is stored (the user chose "Keep mine" after a conflict). */
  forceHook(record: HookRecord): void;
  settingsChanged(settings: WorkspaceSettings): void;
  /** Writes everything pending now (pagehide); resolves when written. */
  flush(): Promise<void>;
  /**
   * Puts the pending edits in localStorage at once (pagehide), for the next load to replay
   * should the page go before `flush` has written them.
   */
  journalPending(): void;
  /** Raw export of a quarantined record (JSON text), for the "export it raw" button. */
  quarantinedRaw(key: string): Promise<string>;
  /** Events raised before anyone subscribed are delivered to the first subscriber. */
  subscribe(listener: (event: PersistenceEvent) => void): () => void;
  /** Writes what is pending (without waiting) and stops: no more events, no more remote news. */
  close(): void;
}

export interface PersistenceOptions {
  dbName?: string;
  channelName?: string;
  delayMs?: number;
  legacyStorage?: LegacyStorage | null;
  now?: () => number;
  tabId?: string;
  /**
   * Opens the object store. Default: IndexedDB. A seam: a wrapped store can count writes or
   * fail them as a full disk would.
   */
  openStore?: (dbName: string, storeName: string) => UseStore;
  /** Where `journalPending` writes; default localStorage, null: no journal. */
  journalStorage?: JournalStorage | null;
}

function defaultLegacyStorage(): LegacyStorage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    // Some browsers throw on merely reading localStorage when storage is blocked.
    return null;
  }
}

/**
 * The workspace in IndexedDB, composed of: the write queue (this tab's edits), the tab
 * channel (news from and to other tabs) and the page journal (edits the page may not live
 * to write).
 */
export function createWorkspacePersistence(options: PersistenceOptions = {}): WorkspacePersistence {
  const dbName = options.dbName ?? 'hookpad';
  const legacyStorage =
    options.legacyStorage === undefined ? defaultLegacyStorage() : options.legacyStorage;
  const now = options.now ?? Date.now;
  const tabId = options.tabId ?? newId('tab');
  const openStore = options.openStore ?? openIndexedDbStore;
  const repository = createWorkspaceRepository(openStore(dbName, STORE_NAME));
  const journalStorage =
    options.journalStorage === undefined
      ? (defaultLegacyStorage() as JournalStorage | null)
      : options.journalStorage;

  let mode: StorageMode = 'ready';
  let closing = false;
  /** Settles once load() has read the database; writes and news from other tabs wait for it. */
  let ready: Promise<void> = Promise.resolve();
  const quarantinedRaws = new Map<string, unknown>();
  const events = createPersistenceEvents();
  const { emit } = events;
  const known = createKnownRecords();
  const firstImport = createFirstImport({ repository, legacyStorage, known });
  const queue = createWriteQueue({
    repository,
    known,
    firstImport,
    emit,
    // Only a landed write announces, and writes wait for load: the channel exists by then.
    announce: (news) => channel.post(news),
    delayMs: options.delayMs ?? 300,
    now,
    writable: () => mode === 'ready',
    loaded: () => ready,
  });
  const channel = createTabChannel({
    channelName: options.channelName ?? 'hookpad-workspace',
    dbName,
    tabId,
    known,
    queue,
    emit,
    closing: () => closing,
  });
  const journal = createPageJournal({
    storage: journalStorage,
    dbName,
    tabId,
    known,
    queue,
    emit,
  });

  async function flush(): Promise<void> {
    await queue.flush();
    if (queue.isEmpty() && mode === 'ready') journal.clear();
  }

  return {
    load() {
      const loading = (async () => {
        const outcome = await loadWorkspace({ repository, legacyStorage, now });
        mode = outcome.mode;
        firstImport.start(outcome.pendingImport);
        const notYetStored = new Set(outcome.pendingImport?.hooks.map((hook) => hook.id));
        for (const hook of outcome.workspace.hooks) {
          if (mode !== 'memory' && !notYetStored.has(hook.id)) known.accept(hook.id, hook);
        }
        journal.replay(outcome.workspace);
        for (const { key, raw } of outcome.workspace.quarantined) quarantinedRaws.set(key, raw);
        for (const error of outcome.errors) emit(error);
        return outcome.workspace;
      })();
      ready = loading.then(
        () => undefined,
        () => undefined,
      );
      return loading;
    },

    hookChanged(record) {
      if (!closing) queue.hookChanged(record);
    },

    hookDeleted(id) {
      if (!closing) queue.hookDeleted(id);
    },

    forceHook(record) {
      if (!closing) queue.forceHook(record);
    },

    settingsChanged(settings) {
      if (!closing) queue.settingsChanged(settings);
    },

    flush,
    journalPending: () => journal.write(),

    async quarantinedRaw(key) {
      let raw = quarantinedRaws.get(key);
      if (mode !== 'memory') {
        try {
          const stored = await repository.readRaw(key);
          if (stored !== undefined) raw = stored;
        } catch {
          // The copy read at load is the same record (this layer never writes over it).
        }
      }
      if (raw === undefined && !quarantinedRaws.has(key)) {
        throw new Error(`Nothing is stored under ${key}.`);
      }
      return rawJson(raw);
    },

    subscribe: (listener) => events.subscribe(listener),

    close() {
      if (closing) return;
      void flush().finally(() => channel.close());
      closing = true;
      events.close();
    },
  };
}
