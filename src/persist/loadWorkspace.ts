import { WORKSPACE_SCHEMA_VERSION, type HookRecord } from '../workspace/hookRecord';
import { entriesChanges, migrateEntries, MIGRATIONS, type MigrationStep } from './migrations';
import {
  markLegacyMigrated,
  readLegacyDrafts,
  type LegacyStorage,
} from './legacy/readLegacyDrafts';
import { describeError, storageErrorEvent, type StorageErrorEvent } from './storageErrorEvent';
import { META_KEY, SETTINGS_KEY, hookKey } from './storageKeys';
import {
  parseWorkspace,
  WorkspaceMetaSchema,
  type LoadedWorkspace,
  type WorkspaceRepository,
} from './workspaceRepository';

/**
 * ready: reads and writes. read-only: the database is kept as it is (a newer or unreadable
 * layout). memory: the database cannot be used; the workspace lives in this tab only.
 */
export type StorageMode = 'ready' | 'read-only' | 'memory';

/** The first load's records (version, settings, migrated hooks) while they are not written. */
export interface PendingImport {
  puts: [string, unknown][];
  hooks: HookRecord[];
  fromLegacy: boolean;
}

export interface LoadOutcome {
  workspace: LoadedWorkspace;
  mode: StorageMode;
  /** Problems to report; the workspace is usable all the same. */
  errors: StorageErrorEvent[];
  /** Written before anything else, when the first load could not write it. */
  pendingImport: PendingImport | null;
}

export interface LoadWorkspaceOptions {
  repository: WorkspaceRepository;
  legacyStorage: LegacyStorage | null;
  now: () => number;
  /** This build's layout version and its upgrade steps. */
  schemaVersion?: number;
  steps?: readonly MigrationStep[];
}

const readOnlyError = (message: string): StorageErrorEvent => ({
  type: 'error',
  kind: 'other',
  message: `${message} It is opened read-only so nothing stored is overwritten: your edits here are kept in this tab only.`,
});

/**
 * Reads the workspace, upgrading an older layout and, on the very first load, turning the
 * foundation's localStorage drafts into hooks. Writes that another tab beats (both saw the
 * same version) are dropped and the database is read again, so they never happen twice.
 */
export async function loadWorkspace({
  repository,
  legacyStorage,
  now,
  schemaVersion = WORKSPACE_SCHEMA_VERSION,
  steps = MIGRATIONS,
}: LoadWorkspaceOptions): Promise<LoadOutcome> {
  const firstLoadPuts = (entries: ReadonlyMap<string, unknown>) => {
    const taken = parseWorkspace(entries).hooks.map((hook) => hook.name);
    const legacy = legacyStorage ? readLegacyDrafts(legacyStorage, now(), taken) : null;
    const hooks = (legacy?.hooks ?? [])
      .map((hook) => ({ ...hook, rev: 1 }))
      .filter((hook) => !entries.has(hookKey(hook.id)));
    const puts: [string, unknown][] = [[META_KEY, { schemaVersion }]];
    if (legacy && !entries.has(SETTINGS_KEY)) puts.push([SETTINGS_KEY, legacy.settings]);
    for (const hook of hooks) puts.push([hookKey(hook.id), hook]);
    return { puts, hooks, fromLegacy: legacy !== null };
  };

  for (;;) {
    let entries: Map<string, unknown>;
    try {
      entries = await repository.readAll();
    } catch (error) {
      const { puts, hooks } = firstLoadPuts(new Map());
      return {
        workspace: { ...parseWorkspace(new Map(puts)), migratedFromLocalStorage: hooks.length },
        mode: 'memory',
        errors: [storageErrorEvent(error, true)],
        pendingImport: null,
      };
    }

    const meta = entries.get(META_KEY);
    if (meta === undefined) {
      const pending = firstLoadPuts(entries);
      const workspace = {
        ...parseWorkspace(new Map([...entries, ...pending.puts])),
        migratedFromLocalStorage: pending.hooks.length,
      };
      try {
        // false: another tab loaded first; read what it wrote.
        if (!(await repository.commit(undefined, pending.puts, []))) continue;
      } catch (error) {
        return {
          workspace,
          mode: 'ready',
          errors: [storageErrorEvent(error)],
          pendingImport: pending,
        };
      }
      if (pending.fromLegacy && legacyStorage) markLegacyMigrated(legacyStorage);
      return { workspace, mode: 'ready', errors: [], pendingImport: null };
    }

    const version = WorkspaceMetaSchema.safeParse(meta).data?.schemaVersion;
    const asStored = { ...parseWorkspace(entries), migratedFromLocalStorage: 0 };
    if (version === undefined) {
      const error = readOnlyError("The workspace's version record is unreadable.");
      return { workspace: asStored, mode: 'read-only', errors: [error], pendingImport: null };
    }
    if (version > schemaVersion) {
      const error = readOnlyError(
        `This workspace was stored by a newer version of Hookpad (layout ${version}; this one reads up to ${schemaVersion}).`,
      );
      return { workspace: asStored, mode: 'read-only', errors: [error], pendingImport: null };
    }
    if (version === schemaVersion) {
      return { workspace: asStored, mode: 'ready', errors: [], pendingImport: null };
    }

    const previous = new Map(entries);
    previous.delete(META_KEY);
    let next: Map<string, unknown>;
    try {
      next = migrateEntries(previous, version, steps, schemaVersion);
    } catch (error) {
      const message = readOnlyError(
        `The stored workspace could not be upgraded (${describeError(error)}).`,
      );
      return { workspace: asStored, mode: 'read-only', errors: [message], pendingImport: null };
    }
    const { puts, deletes } = entriesChanges(previous, next);
    puts.push([META_KEY, { schemaVersion }]);
    const workspace = { ...parseWorkspace(next), migratedFromLocalStorage: 0 };
    try {
      // false: another tab upgraded (or changed) it first; read it again.
      if (!(await repository.commit(version, puts, deletes))) continue;
    } catch (error) {
      return { workspace, mode: 'memory', errors: [storageErrorEvent(error)], pendingImport: null };
    }
    return { workspace, mode: 'ready', errors: [], pendingImport: null };
  }
}
