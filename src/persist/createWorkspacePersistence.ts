import type { UseStore } from 'idb-keyval';
import type { HookRecord, WorkspaceSettings } from '../workspace/hookRecord';
import { newId } from '../workspace/newHook';
import { loadWorkspace, type PendingImport, type StorageMode } from './loadWorkspace';
import { openIndexedDbStore } from './openIndexedDbStore';
import { rawJson } from './rawJson';
import { markLegacyMigrated, type LegacyStorage } from './readLegacyDrafts';
import { sameHookContent } from './sameHookContent';
import { storageErrorEvent } from './storageErrorEvent';
import { SETTINGS_KEY, STORE_NAME, hookKey } from './storageKeys';
import {
  journalPrefix,
  readJournals,
  replayJournals,
  writeJournal,
  type JournalStorage,
} from './unsavedJournal';
import { WorkspaceMessageSchema, type WorkspaceMessage } from './workspaceMessage';
import {
  createWorkspaceRepository,
  parseWorkspace,
  type LoadedWorkspace,
} from './workspaceRepository';

export type PersistenceEvent =
  /** Another tab stored this, newer than what this tab has, and this tab has no pending edit of it. */
  | { type: 'remote-hook'; record: HookRecord }
  | { type: 'remote-delete'; id: string }
  /** This tab's write landed with this rev. */
  | { type: 'saved'; id: string; rev: number }
  /** This tab's pending or failed edit vs what another tab stored (null: deleted); `mine` was not written. */
  | { type: 'conflict'; mine: HookRecord; theirs: HookRecord | null }
  /** The edit stays in memory; later writes retry. */
  | { type: 'error'; kind: 'quota' | 'unavailable' | 'other'; message: string };

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

type PendingOp = { kind: 'write'; record: HookRecord; force: boolean } | { kind: 'delete' };
type Outgoing = { kind: 'hook'; record: HookRecord } | { kind: 'delete'; id: string };

/** Events kept for the first subscriber; beyond this, the oldest news is stale anyway. */
const HELD_EVENTS_LIMIT = 100;

function defaultLegacyStorage(): LegacyStorage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    // Some browsers throw on merely reading localStorage when storage is blocked.
    return null;
  }
}

const damagedMessage = (record: HookRecord): string =>
  `The stored copy of hook "${record.name}" is damaged and is kept as it is, so your edits of it stay in this tab only. Export the damaged copy, then delete it.`;

export function createWorkspacePersistence(options: PersistenceOptions = {}): WorkspacePersistence {
  const dbName = options.dbName ?? 'hookpad';
  const delayMs = options.delayMs ?? 300;
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
  const journalKey = `${journalPrefix(dbName)}${tabId}`;

  let mode: StorageMode = 'ready';
  let closing = false;
  /** Settles once load() has read the database; writes and news from other tabs wait for it. */
  let ready: Promise<void> = Promise.resolve();
  /** Per hook, the record this tab knows is stored (from load, its writes, accepted news). */
  const known = new Map<string, HookRecord>();
  /** Per hook, the highest rev ever seen, so a hook stored again after a delete is still newer. */
  const highestRev = new Map<string, number>();
  const pending = new Map<string, PendingOp>();
  /** Pending ops whose write failed: retried with the next change or flush. */
  const failed = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Writes on their way to IndexedDB: journaled too, as the page may go before they land. */
  const writing = new Map<string, HookRecord>();
  /** One queue per key, so a hook's writes and news apply in order. */
  const chains = new Map<string, Promise<void>>();
  let pendingSettings: WorkspaceSettings | null = null;
  let settingsFailed = false;
  let settingsTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingImport: PendingImport | null = null;
  let importing: Promise<void> | null = null;
  const quarantinedRaws = new Map<string, unknown>();
  const listeners = new Set<(event: PersistenceEvent) => void>();
  const held: PersistenceEvent[] = [];

  function emit(event: PersistenceEvent): void {
    if (closing) return;
    if (listeners.size === 0) {
      if (held.length < HELD_EVENTS_LIMIT) held.push(event);
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error(error);
      }
    }
  }

  const channel =
    typeof BroadcastChannel === 'function'
      ? new BroadcastChannel(options.channelName ?? 'hookpad-workspace')
      : null;

  function post(message: Outgoing): void {
    try {
      channel?.postMessage({ ...message, db: dbName, from: tabId });
    } catch {
      // The channel is closed: other tabs see the write when they next load or write.
    }
  }

  function enqueue(chainKey: string, task: () => Promise<void> | void): Promise<void> {
    const next = (chains.get(chainKey) ?? Promise.resolve())
      .then(() => ready)
      .then(task)
      .catch((error: unknown) => emit(storageErrorEvent(error)));
    chains.set(chainKey, next);
    void next.then(() => {
      if (chains.get(chainKey) === next) chains.delete(chainKey);
    });
    return next;
  }

  function accept(id: string, record: HookRecord | null): void {
    if (!record) {
      known.delete(id);
      return;
    }
    known.set(id, record);
    highestRev.set(id, Math.max(highestRev.get(id) ?? 0, record.rev));
  }

  function cancel(id: string): void {
    clearTimeout(timers.get(id));
    timers.delete(id);
    pending.delete(id);
    failed.delete(id);
  }

  function schedule(id: string, delay: number): void {
    clearTimeout(timers.get(id));
    timers.delete(id);
    const run = () => {
      timers.delete(id);
      void enqueue(hookKey(id), () => runOp(id));
    };
    if (delay <= 0) run();
    else timers.set(id, setTimeout(run, delay));
  }

  function scheduleSettings(delay: number): void {
    clearTimeout(settingsTimer);
    settingsTimer = undefined;
    const run = () => {
      settingsTimer = undefined;
      void enqueue(SETTINGS_KEY, runSettings);
    };
    if (delay <= 0) run();
    else settingsTimer = setTimeout(run, delay);
  }

  function retryFailed(): void {
    for (const id of failed) schedule(id, delayMs);
    failed.clear();
    if (settingsFailed) {
      settingsFailed = false;
      scheduleSettings(delayMs);
    }
  }

  /** The first load's records go before any other write, so nothing is stored without them. */
  function ensureImported(): Promise<void> {
    const batch = pendingImport;
    if (!batch) return Promise.resolve();
    importing ??= (async () => {
      const written = await repository.commit(undefined, batch.puts, []);
      const stored = written ? batch.hooks : parseWorkspace(await repository.readAll()).hooks;
      pendingImport = null;
      if (written && batch.fromLegacy && legacyStorage) markLegacyMigrated(legacyStorage);
      // Not written: another tab loaded first, and what it stored is what writes go over.
      for (const hook of stored) if (!known.has(hook.id)) accept(hook.id, hook);
    })().finally(() => {
      importing = null;
    });
    return importing;
  }

  async function runOp(id: string): Promise<void> {
    const op = pending.get(id);
    // Read-only or in memory: the edit stays pending, in this tab only.
    if (!op || mode !== 'ready') return;
    clearTimeout(timers.get(id));
    timers.delete(id);
    pending.delete(id);
    failed.delete(id);
    try {
      await ensureImported();
      if (op.kind === 'delete') await runDelete(id);
      else await runWrite(id, op);
    } catch (error) {
      if (!pending.has(id)) {
        pending.set(id, op);
        failed.add(id);
      }
      emit(storageErrorEvent(error));
    }
  }

  async function runWrite(id: string, op: Extract<PendingOp, { kind: 'write' }>): Promise<void> {
    const base = known.get(id);
    if (!op.force && base && sameHookContent(base, op.record)) return;
    writing.set(id, op.record);
    let outcome: Awaited<ReturnType<typeof repository.writeHook>>;
    try {
      outcome = await repository.writeHook(
        op.record,
        { expectedRev: base?.rev, force: op.force, floorRev: highestRev.get(id) ?? 0 },
        now(),
      );
    } finally {
      if (writing.get(id) === op.record) writing.delete(id);
    }
    switch (outcome.status) {
      case 'saved':
        accept(id, outcome.record);
        emit({ type: 'saved', id, rev: outcome.record.rev });
        post({ kind: 'hook', record: outcome.record });
        return;
      case 'conflict': {
        accept(id, outcome.theirs);
        // The same edit made in both tabs is no conflict.
        if (outcome.theirs && sameHookContent(outcome.theirs, op.record)) return;
        const newer = pending.get(id);
        cancel(id);
        const mine = newer?.kind === 'write' ? newer.record : op.record;
        emit({ type: 'conflict', mine, theirs: outcome.theirs });
        return;
      }
      case 'damaged':
        emit({ type: 'error', kind: 'other', message: damagedMessage(op.record) });
        return;
      case 'invalid':
        emit({
          type: 'error',
          kind: 'other',
          message: `Hook "${op.record.name}" could not be stored: ${outcome.error}.`,
        });
        return;
    }
  }

  async function runDelete(id: string): Promise<void> {
    const base = known.get(id);
    // Never stored, as far as this tab knows: there is nothing to delete.
    if (!base) return;
    const outcome = await repository.deleteHook(id, base.rev);
    switch (outcome.status) {
      case 'deleted':
        accept(id, null);
        post({ kind: 'delete', id });
        return;
      case 'newer':
        // Another tab changed it since: deleting would discard that change unseen.
        accept(id, outcome.theirs);
        emit({ type: 'remote-hook', record: outcome.theirs });
        return;
      case 'damaged':
        emit({ type: 'error', kind: 'other', message: damagedMessage(base) });
        return;
    }
  }

  async function runSettings(): Promise<void> {
    const settings = pendingSettings;
    if (!settings || mode !== 'ready') return;
    clearTimeout(settingsTimer);
    settingsTimer = undefined;
    pendingSettings = null;
    settingsFailed = false;
    try {
      await ensureImported();
      await repository.writeSettings(settings);
    } catch (error) {
      if (!pendingSettings) {
        pendingSettings = settings;
        settingsFailed = true;
      }
      emit(storageErrorEvent(error));
    }
  }

  function handleRemote(message: WorkspaceMessage): void {
    if (message.kind === 'hook') {
      const { record } = message;
      const base = known.get(record.id);
      if (base && record.rev <= base.rev) return;
      const op = pending.get(record.id);
      cancel(record.id);
      accept(record.id, record);
      if (op?.kind === 'write' && !sameHookContent(op.record, record)) {
        emit({ type: 'conflict', mine: op.record, theirs: record });
      } else {
        emit({ type: 'remote-hook', record });
      }
      return;
    }
    const { id } = message;
    if (!known.has(id) && !pending.has(id)) return;
    const op = pending.get(id);
    cancel(id);
    accept(id, null);
    if (op?.kind === 'write') emit({ type: 'conflict', mine: op.record, theirs: null });
    else if (!op) emit({ type: 'remote-delete', id });
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const parsed = WorkspaceMessageSchema.safeParse(event.data);
      if (closing || !parsed.success) return;
      const message = parsed.data;
      if (message.db !== dbName || message.from === tabId) return;
      const id = message.kind === 'hook' ? message.record.id : message.id;
      void enqueue(hookKey(id), () => handleRemote(message));
    };
  }

  async function flush(): Promise<void> {
    for (const id of [...pending.keys()]) schedule(id, 0);
    if (pendingSettings) scheduleSettings(0);
    if (pendingImport && pending.size === 0 && !pendingSettings) {
      void enqueue('import', ensureImported);
    }
    await Promise.all([...chains.values()]);
    // Everything landed (the page lived on): the journal would only replay stale edits.
    if (pending.size === 0 && !pendingSettings && mode === 'ready') {
      try {
        journalStorage?.removeItem(journalKey);
      } catch {
        // Blocked storage: nothing was journaled either.
      }
    }
  }

  function journalPending(): void {
    if (!journalStorage) return;
    const entries = [...pending.entries()].flatMap(([id, op]) =>
      op.kind === 'write'
        ? [
            {
              record: op.record,
              baseRev: known.get(id)?.rev ?? null,
              inFlight: writing.get(id) ?? null,
            },
          ]
        : [],
    );
    for (const [id, record] of writing) {
      if (!pending.has(id))
        entries.push({ record, baseRev: known.get(id)?.rev ?? null, inFlight: null });
    }
    writeJournal(journalStorage, journalKey, { entries, settings: pendingSettings });
  }

  /** Edits journaled by pages that closed before writing them become this tab's pending writes. */
  function replayUnsaved(workspace: LoadedWorkspace): void {
    if (!journalStorage) return;
    const { keys, journals } = readJournals(journalStorage, journalPrefix(dbName));
    if (keys.length === 0) return;
    const replay = replayJournals(workspace.hooks, workspace.settings, journals);
    workspace.hooks = replay.hooks;
    workspace.settings = replay.settings;
    for (const record of replay.writes) {
      pending.set(record.id, { kind: 'write', record, force: false });
      schedule(record.id, 0);
    }
    if (replay.settings && journals.some((journal) => journal.settings)) {
      pendingSettings = replay.settings;
      scheduleSettings(0);
    }
    for (const note of replay.notes) emit({ type: 'error', kind: 'other', message: note });
    // They are this tab's pending writes now (journaled again if it closes first).
    for (const key of keys) {
      try {
        journalStorage.removeItem(key);
      } catch {
        // Left in place: the next load replays it, and what is already stored is skipped.
      }
    }
  }

  return {
    load() {
      const loading = (async () => {
        const outcome = await loadWorkspace({ repository, legacyStorage, now });
        mode = outcome.mode;
        pendingImport = outcome.pendingImport;
        const notYetStored = new Set(pendingImport?.hooks.map((hook) => hook.id));
        for (const hook of outcome.workspace.hooks) {
          if (mode !== 'memory' && !notYetStored.has(hook.id)) accept(hook.id, hook);
        }
        replayUnsaved(outcome.workspace);
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
      if (closing) return;
      const previous = pending.get(record.id);
      // After "Keep mine", later edits of the same pending write still overwrite.
      const force = previous?.kind === 'write' && previous.force;
      pending.set(record.id, { kind: 'write', record, force });
      failed.delete(record.id);
      schedule(record.id, delayMs);
      retryFailed();
    },

    hookDeleted(id) {
      if (closing) return;
      cancel(id);
      pending.set(id, { kind: 'delete' });
      schedule(id, 0);
      retryFailed();
    },

    forceHook(record) {
      if (closing) return;
      cancel(record.id);
      pending.set(record.id, { kind: 'write', record, force: true });
      schedule(record.id, 0);
      retryFailed();
    },

    settingsChanged(settings) {
      if (closing) return;
      pendingSettings = settings;
      settingsFailed = false;
      scheduleSettings(delayMs);
      retryFailed();
    },

    flush,
    journalPending,

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

    subscribe(listener) {
      listeners.add(listener);
      for (const event of held.splice(0)) listener(event);
      return () => {
        listeners.delete(listener);
      };
    },

    close() {
      if (closing) return;
      void flush().finally(() => channel?.close());
      closing = true;
      listeners.clear();
      held.length = 0;
    },
  };
}
