import { z } from '../core/schemaKit';
import {
  HookRecordSchema,
  WorkspaceSettingsSchema,
  type HookRecord,
  type WorkspaceSettings,
} from '../workspace/hookRecord';
import { newHookId, uniqueHookName } from '../workspace/newHook';
import { sameHookContent } from './sameHookContent';

/**
 * Edits still waiting for IndexedDB when the page goes away. An IndexedDB write that must
 * first read the stored revision needs the page to live a little longer than `pagehide`
 * allows, so the edits are also put, synchronously, in localStorage; the next load replays
 * them over IndexedDB with the same revision check, and a page reloaded at any moment
 * loses nothing.
 */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key'> & {
  readonly length: number;
};

const JournalSchema = z.object({
  entries: z.array(
    z.object({
      record: HookRecordSchema,
      /** The stored revision the edit was made over; null: the hook was never stored. */
      baseRev: z.nullable(z.number().check(z.int())),
      /**
       * A write of this hook that was on its way when the page went: if it landed, the edit
       * was made over it too.
       */
      inFlight: z.optional(z.nullable(HookRecordSchema)),
    }),
  ),
  settings: z.nullable(WorkspaceSettingsSchema),
});
export type Journal = z.infer<typeof JournalSchema>;

export const journalPrefix = (dbName: string): string => `hookpad:unsaved:${dbName}:`;

/** Writes (or, when there is nothing, removes) this tab's journal; never throws. */
export function writeJournal(storage: JournalStorage, key: string, journal: Journal): void {
  try {
    if (journal.entries.length === 0 && journal.settings === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(journal));
  } catch {
    // A full or blocked localStorage: the IndexedDB flush is the only chance left.
  }
}

/** Every tab's journal: their keys, and what parses of them (the rest is left in place). */
export function readJournals(
  storage: JournalStorage,
  prefix: string,
): { keys: string[]; journals: Journal[] } {
  const keys: string[] = [];
  const journals: Journal[] = [];
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) {
      const parsed = JournalSchema.safeParse(safeJson(storage.getItem(key)));
      if (parsed.success) journals.push(parsed.data);
    }
  } catch {
    return { keys: [], journals: [] };
  }
  return { keys, journals };
}

function safeJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface ReplayResult {
  /** The loaded hooks with the journal's edits applied, plus copies. */
  hooks: HookRecord[];
  /** Records to write (each over its stored revision, or new). */
  writes: HookRecord[];
  settings: WorkspaceSettings | null;
  /** Sentences for the user: edits kept as copies because another tab changed the hook. */
  notes: string[];
}

/**
 * Applies journaled edits to what IndexedDB holds: an edit over the stored revision
 * replaces it; an edit already stored is dropped; an edit over a revision another tab has
 * since replaced is kept as a copy of the hook, so neither side is lost.
 */
export function replayJournals(
  loaded: readonly HookRecord[],
  settings: WorkspaceSettings | null,
  journals: readonly Journal[],
): ReplayResult {
  const hooks = new Map(loaded.map((hook) => [hook.id, hook]));
  const writes: HookRecord[] = [];
  const notes: string[] = [];
  let nextSettings = settings;
  for (const journal of journals) {
    for (const { record, baseRev, inFlight } of journal.entries) {
      const stored = hooks.get(record.id);
      if (stored && sameHookContent(stored, record)) continue;
      const overStored = stored
        ? stored.rev === baseRev || (inFlight != null && sameHookContent(stored, inFlight))
        : baseRev === null;
      if (overStored) {
        const replayed = { ...record, rev: stored?.rev ?? 0 };
        hooks.set(record.id, replayed);
        writes.push(replayed);
        continue;
      }
      const name = uniqueHookName(
        `${record.name} unsaved copy`,
        [...hooks.values()].map((hook) => hook.name),
      );
      const copy = { ...record, id: newHookId(), name, enabled: false, rev: 0 };
      hooks.set(copy.id, copy);
      writes.push(copy);
      notes.push(
        `Edits of “${record.name}” made just before a page closed met a newer version from another tab; they are kept as “${name}”.`,
      );
    }
    if (journal.settings) nextSettings = journal.settings;
  }
  return {
    hooks: [...hooks.values()].sort((a, b) => a.createdAt - b.createdAt),
    writes,
    settings: nextSettings,
    notes,
  };
}
