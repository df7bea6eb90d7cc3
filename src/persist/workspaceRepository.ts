import { entries as storedEntries, get, set, type UseStore } from 'idb-keyval';
import { z } from '../core/schemaKit';
import {
  HookRecordSchema,
  WorkspaceSettingsSchema,
  type HookRecord,
  type WorkspaceSettings,
} from '../workspace/hookRecord';
import { HOOK_KEY_PREFIX, META_KEY, SETTINGS_KEY, hookKey } from './storageKeys';

export interface QuarantinedRecord {
  key: string;
  raw: unknown;
  /** Why it does not parse, in words. */
  error: string;
}

export interface LoadedWorkspace {
  /** Oldest first. */
  hooks: HookRecord[];
  /** null when none is stored or the stored one does not parse. */
  settings: WorkspaceSettings | null;
  /** Stored hooks that do not parse: kept in the database untouched, and reported. */
  quarantined: QuarantinedRecord[];
  /** Hooks created from the foundation's localStorage drafts by this load. */
  migratedFromLocalStorage: number;
}

/** The version record: which layout the database holds. */
export const WorkspaceMetaSchema = z.object({ schemaVersion: z.number().check(z.int(), z.gte(1)) });

export type HookWriteOutcome =
  | { status: 'saved'; record: HookRecord }
  /** Stored differs from what the write expected (theirs null: it was deleted); nothing written. */
  | { status: 'conflict'; theirs: HookRecord | null }
  /** The stored record is quarantined; nothing written. */
  | { status: 'damaged' }
  /** The record itself does not parse; nothing written. */
  | { status: 'invalid'; error: string };

export type HookDeleteOutcome =
  { status: 'deleted' } | { status: 'newer'; theirs: HookRecord } | { status: 'damaged' };

export interface HookWriteCondition {
  /** Write only over this rev (undefined: only if nothing is stored), unless `force`. */
  expectedRev: number | undefined;
  force: boolean;
  /** The new rev is above this too (the highest this tab has seen for the hook). */
  floorRev: number;
}

export interface WorkspaceRepository {
  /** Every record by key. */
  readAll(): Promise<Map<string, unknown>>;
  readRaw(key: string): Promise<unknown>;
  /**
   * One transaction: writes `puts` and removes `deletes` only if the stored layout version
   * is still `expectedVersion` (undefined: no version record). false: another tab got
   * there first and nothing was written.
   */
  commit(
    expectedVersion: number | undefined,
    puts: [string, unknown][],
    deletes: string[],
  ): Promise<boolean>;
  /** One transaction: reads the stored rev and writes `{...record, rev, updatedAt}` if allowed. */
  writeHook(
    record: HookRecord,
    condition: HookWriteCondition,
    time: number,
  ): Promise<HookWriteOutcome>;
  /** One transaction: deletes only if the stored rev is still `expectedRev`. */
  deleteHook(id: string, expectedRev: number): Promise<HookDeleteOutcome>;
  writeSettings(settings: WorkspaceSettings): Promise<void>;
}

export function describeIssues(error: z.core.$ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

const sortHooks = (hooks: HookRecord[]): HookRecord[] =>
  hooks.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The stored records as a workspace; what does not parse is quarantined, never dropped. */
export function parseWorkspace(
  entries: ReadonlyMap<string, unknown>,
): Omit<LoadedWorkspace, 'migratedFromLocalStorage'> {
  const hooks: HookRecord[] = [];
  const quarantined: QuarantinedRecord[] = [];
  for (const [key, raw] of entries) {
    if (!key.startsWith(HOOK_KEY_PREFIX)) continue;
    const parsed = HookRecordSchema.safeParse(raw);
    if (!parsed.success) {
      quarantined.push({ key, raw, error: describeIssues(parsed.error) });
    } else if (hookKey(parsed.data.id) !== key) {
      quarantined.push({
        key,
        raw,
        error: `It is stored under ${key} but its id is ${parsed.data.id}.`,
      });
    } else {
      hooks.push(parsed.data);
    }
  }
  const settings = WorkspaceSettingsSchema.safeParse(entries.get(SETTINGS_KEY));
  return {
    hooks: sortHooks(hooks),
    settings: settings.success ? settings.data : null,
    quarantined,
  };
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () =>
      reject(
        transaction.error ?? new DOMException('The storage transaction was aborted.', 'AbortError'),
      );
  });
}

/**
 * Runs `body` with the store. Some browsers throw on opening instead of failing the
 * request; that becomes a rejection like any other failure.
 */
const withStore = <T>(run: () => Promise<T>): Promise<T> => Promise.resolve().then(run);

/**
 * One readwrite transaction: reads `key`, lets `decide` write (or not) from what is stored,
 * and resolves with its answer once the transaction has committed.
 */
function readThenWrite<T>(
  store: UseStore,
  key: string,
  decide: (stored: unknown, objectStore: IDBObjectStore) => T,
): Promise<T> {
  return withStore(() =>
    store('readwrite', (objectStore) => {
      const done = transactionDone(objectStore.transaction);
      let answer: { value: T } | { error: unknown } | undefined;
      const request = objectStore.get(key);
      request.onsuccess = () => {
        try {
          answer = { value: decide(request.result, objectStore) };
        } catch (error) {
          answer = { error };
          objectStore.transaction.abort();
        }
      };
      return done.then(
        () => {
          if (answer && 'value' in answer) return answer.value;
          throw answer?.error ?? new Error('The storage transaction ended without an answer.');
        },
        (error: unknown) => {
          throw answer && 'error' in answer ? answer.error : error;
        },
      );
    }),
  );
}

/** The stored hook under `key` for a write of hook `id`: null if none, 'damaged' if unreadable. */
function storedHook(stored: unknown, id: string): HookRecord | null | 'damaged' {
  if (stored === undefined) return null;
  const parsed = HookRecordSchema.safeParse(stored);
  return parsed.success && parsed.data.id === id ? parsed.data : 'damaged';
}

export function createWorkspaceRepository(store: UseStore): WorkspaceRepository {
  return {
    readAll: () =>
      withStore(async () => {
        const all = await storedEntries<IDBValidKey, unknown>(store);
        return new Map(
          all.filter((entry): entry is [string, unknown] => typeof entry[0] === 'string'),
        );
      }),

    readRaw: (key) => withStore(() => get<unknown>(key, store)),

    commit: (expectedVersion, puts, deletes) =>
      readThenWrite(store, META_KEY, (meta, objectStore) => {
        const version =
          meta === undefined ? undefined : WorkspaceMetaSchema.safeParse(meta).data?.schemaVersion;
        if (meta !== undefined && version === undefined) return false;
        if (version !== expectedVersion) return false;
        for (const [key, value] of puts) objectStore.put(value, key);
        for (const key of deletes) objectStore.delete(key);
        return true;
      }),

    writeHook: (record, { expectedRev, force, floorRev }, time) =>
      readThenWrite(store, hookKey(record.id), (stored, objectStore): HookWriteOutcome => {
        const theirs = storedHook(stored, record.id);
        if (theirs === 'damaged') return { status: 'damaged' };
        if (!force && theirs?.rev !== expectedRev) {
          return { status: 'conflict', theirs };
        }
        const rev = Math.max(theirs?.rev ?? 0, expectedRev ?? 0, floorRev) + 1;
        const next = HookRecordSchema.safeParse({ ...record, rev, updatedAt: time });
        if (!next.success) return { status: 'invalid', error: describeIssues(next.error) };
        objectStore.put(next.data, hookKey(record.id));
        return { status: 'saved', record: next.data };
      }),

    deleteHook: (id, expectedRev) =>
      readThenWrite(store, hookKey(id), (stored, objectStore): HookDeleteOutcome => {
        const theirs = storedHook(stored, id);
        if (theirs === 'damaged') return { status: 'damaged' };
        if (theirs === null) return { status: 'deleted' };
        if (theirs.rev !== expectedRev) return { status: 'newer', theirs };
        objectStore.delete(hookKey(id));
        return { status: 'deleted' };
      }),

    writeSettings: async (settings) => {
      const parsed = WorkspaceSettingsSchema.safeParse(settings);
      if (!parsed.success) {
        throw new Error(`The settings are not valid: ${describeIssues(parsed.error)}`);
      }
      await withStore(() => set(SETTINGS_KEY, parsed.data, store));
    },
  };
}
