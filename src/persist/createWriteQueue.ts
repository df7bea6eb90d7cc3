import type { HookRecord, WorkspaceSettings } from '../workspace/hookRecord';
import type { FirstImport } from './createFirstImport';
import type { KnownRecords } from './createKnownRecords';
import type { PersistenceEvent } from './persistenceEvent';
import { sameHookContent } from './sameHookContent';
import { storageErrorEvent } from './storageErrorEvent';
import { SETTINGS_KEY, hookKey } from './storageKeys';
import type { WorkspaceNews } from './workspaceMessage';
import type { WorkspaceRepository } from './workspaceRepository';

export type PendingOp = { kind: 'write'; record: HookRecord; force: boolean } | { kind: 'delete' };

/**
 * This tab's edits on their way to IndexedDB: per hook, stored after a quiet period, over
 * the rev this tab last knew for it; failed writes stay pending and are retried.
 */
export interface WriteQueue {
  hookChanged(record: HookRecord): void;
  hookDeleted(id: string): void;
  forceHook(record: HookRecord): void;
  settingsChanged(settings: WorkspaceSettings): void;
  /** An edit replayed from a closed page's journal: written at once, over what is stored. */
  replayHook(record: HookRecord): void;
  replaySettings(settings: WorkspaceSettings): void;
  /** Drops the pending op of this hook (news from another tab decided its fate). */
  cancel(id: string): void;
  /** One queue per key, so a hook's writes and news apply in order. */
  enqueue(chainKey: string, task: () => Promise<void> | void): Promise<void>;
  /** Writes everything pending now; resolves when every queue is done. */
  flush(): Promise<void>;
  /** Nothing pending, hooks or settings. */
  isEmpty(): boolean;
  readonly pending: ReadonlyMap<string, PendingOp>;
  /** Writes on their way to IndexedDB: journaled too, as the page may go before they land. */
  readonly writing: ReadonlyMap<string, HookRecord>;
  pendingSettings(): WorkspaceSettings | null;
  /** The settings to journal: pending ones, else the write still on its way (as `writing`). */
  unlandedSettings(): WorkspaceSettings | null;
}

export interface WriteQueueOptions {
  repository: WorkspaceRepository;
  known: KnownRecords;
  firstImport: FirstImport;
  emit: (event: PersistenceEvent) => void;
  /** Tells the other tabs about a landed write. */
  announce: (news: WorkspaceNews) => void;
  delayMs: number;
  now: () => number;
  /** false while read-only or in memory: edits stay pending, in this tab only. */
  writable: () => boolean;
  /** Settles once load() has read the database; writes and news from other tabs wait for it. */
  loaded: () => Promise<void>;
}

const damagedMessage = (record: HookRecord): string =>
  `The stored copy of hook "${record.name}" is damaged and is kept as it is, so your edits of it stay in this tab only. Export the damaged copy, then delete it.`;

export function createWriteQueue(options: WriteQueueOptions): WriteQueue {
  const { repository, known, firstImport, emit, announce, delayMs, now, writable, loaded } =
    options;
  const pending = new Map<string, PendingOp>();
  /** Pending ops whose write failed: retried with the next change or flush. */
  const failed = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const writing = new Map<string, HookRecord>();
  const chains = new Map<string, Promise<void>>();
  let pendingSettings: WorkspaceSettings | null = null;
  let settingsInFlight: WorkspaceSettings | null = null;
  let settingsFailed = false;
  let settingsTimer: ReturnType<typeof setTimeout> | undefined;

  function enqueue(chainKey: string, task: () => Promise<void> | void): Promise<void> {
    const next = (chains.get(chainKey) ?? Promise.resolve())
      .then(() => loaded())
      .then(task)
      .catch((error: unknown) => emit(storageErrorEvent(error)));
    chains.set(chainKey, next);
    void next.then(() => {
      if (chains.get(chainKey) === next) chains.delete(chainKey);
    });
    return next;
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

  async function runOp(id: string): Promise<void> {
    const op = pending.get(id);
    // Read-only or in memory: the edit stays pending, in this tab only.
    if (!op || !writable()) return;
    clearTimeout(timers.get(id));
    timers.delete(id);
    pending.delete(id);
    failed.delete(id);
    try {
      await firstImport.ensureWritten();
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
        { expectedRev: base?.rev, force: op.force, floorRev: known.highestRev(id) },
        now(),
      );
    } finally {
      if (writing.get(id) === op.record) writing.delete(id);
    }
    switch (outcome.status) {
      case 'saved':
        known.accept(id, outcome.record);
        emit({ type: 'saved', id, rev: outcome.record.rev });
        announce({ kind: 'hook', record: outcome.record });
        return;
      case 'conflict': {
        known.accept(id, outcome.theirs);
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
        known.accept(id, null);
        announce({ kind: 'delete', id });
        return;
      case 'newer':
        // Another tab changed it since: deleting would discard that change unseen.
        known.accept(id, outcome.theirs);
        emit({ type: 'remote-hook', record: outcome.theirs });
        return;
      case 'damaged':
        emit({ type: 'error', kind: 'other', message: damagedMessage(base) });
        return;
    }
  }

  async function runSettings(): Promise<void> {
    const settings = pendingSettings;
    if (!settings || !writable()) return;
    clearTimeout(settingsTimer);
    settingsTimer = undefined;
    pendingSettings = null;
    settingsFailed = false;
    settingsInFlight = settings;
    try {
      await firstImport.ensureWritten();
      await repository.writeSettings(settings);
    } catch (error) {
      if (!pendingSettings) {
        pendingSettings = settings;
        settingsFailed = true;
      }
      emit(storageErrorEvent(error));
    } finally {
      if (settingsInFlight === settings) settingsInFlight = null;
    }
  }

  return {
    hookChanged(record) {
      const previous = pending.get(record.id);
      // After "Keep mine", later edits of the same pending write still overwrite.
      const force = previous?.kind === 'write' && previous.force;
      pending.set(record.id, { kind: 'write', record, force });
      failed.delete(record.id);
      schedule(record.id, delayMs);
      retryFailed();
    },

    hookDeleted(id) {
      cancel(id);
      pending.set(id, { kind: 'delete' });
      schedule(id, 0);
      retryFailed();
    },

    forceHook(record) {
      cancel(record.id);
      pending.set(record.id, { kind: 'write', record, force: true });
      schedule(record.id, 0);
      retryFailed();
    },

    settingsChanged(settings) {
      pendingSettings = settings;
      settingsFailed = false;
      scheduleSettings(delayMs);
      retryFailed();
    },

    replayHook(record) {
      pending.set(record.id, { kind: 'write', record, force: false });
      schedule(record.id, 0);
    },

    replaySettings(settings) {
      pendingSettings = settings;
      scheduleSettings(0);
    },

    cancel,
    enqueue,

    async flush() {
      for (const id of [...pending.keys()]) schedule(id, 0);
      if (pendingSettings) scheduleSettings(0);
      if (firstImport.isPending() && pending.size === 0 && !pendingSettings) {
        void enqueue('import', firstImport.ensureWritten);
      }
      await Promise.all([...chains.values()]);
    },

    isEmpty: () => pending.size === 0 && !pendingSettings,
    pending,
    writing,
    pendingSettings: () => pendingSettings,
    unlandedSettings: () => pendingSettings ?? settingsInFlight,
  };
}
