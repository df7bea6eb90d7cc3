import type { KnownRecords } from './createKnownRecords';
import type { WriteQueue } from './createWriteQueue';
import type { PersistenceEvent } from './persistenceEvent';
import {
  journalPrefix,
  readJournals,
  replayJournals,
  writeJournal,
  type JournalStorage,
} from './unsavedJournal';
import type { LoadedWorkspace } from './workspaceRepository';

/**
 * This tab's pending edits, put in localStorage synchronously when the page goes, and the
 * edits of pages that went before writing them, replayed at load.
 */
export interface PageJournal {
  /** Puts the pending and in-flight edits in localStorage at once (pagehide). */
  write(): void;
  /** Everything landed (the page lived on): the journal would only replay stale edits. */
  clear(): void;
  /** Edits journaled by pages that closed before writing them become this tab's pending writes. */
  replay(workspace: LoadedWorkspace): void;
}

export interface PageJournalOptions {
  /** Where the journal goes; null: no journal. */
  storage: JournalStorage | null;
  dbName: string;
  tabId: string;
  known: KnownRecords;
  queue: Pick<
    WriteQueue,
    'pending' | 'writing' | 'unlandedSettings' | 'replayHook' | 'replaySettings'
  >;
  emit: (event: PersistenceEvent) => void;
}

export function createPageJournal(options: PageJournalOptions): PageJournal {
  const { storage, dbName, known, queue, emit } = options;
  const journalKey = `${journalPrefix(dbName)}${options.tabId}`;

  return {
    write() {
      if (!storage) return;
      const entries = [...queue.pending.entries()].flatMap(([id, op]) =>
        op.kind === 'write'
          ? [
              {
                record: op.record,
                baseRev: known.get(id)?.rev ?? null,
                inFlight: queue.writing.get(id) ?? null,
              },
            ]
          : [],
      );
      for (const [id, record] of queue.writing) {
        if (!queue.pending.has(id))
          entries.push({ record, baseRev: known.get(id)?.rev ?? null, inFlight: null });
      }
      writeJournal(storage, journalKey, { entries, settings: queue.unlandedSettings() });
    },

    clear() {
      try {
        storage?.removeItem(journalKey);
      } catch {
        // Blocked storage: nothing was journaled either.
      }
    },

    replay(workspace) {
      if (!storage) return;
      const { keys, journals } = readJournals(storage, journalPrefix(dbName));
      if (keys.length === 0) return;
      const replay = replayJournals(workspace.hooks, workspace.settings, journals);
      workspace.hooks = replay.hooks;
      workspace.settings = replay.settings;
      for (const record of replay.writes) queue.replayHook(record);
      if (replay.settings && journals.some((journal) => journal.settings)) {
        queue.replaySettings(replay.settings);
      }
      for (const note of replay.notes) emit({ type: 'error', kind: 'other', message: note });
      // They are this tab's pending writes now (journaled again if it closes first).
      for (const key of keys) {
        try {
          storage.removeItem(key);
        } catch {
          // Left in place: the next load replays it, and what is already stored is skipped.
        }
      }
    },
  };
}
