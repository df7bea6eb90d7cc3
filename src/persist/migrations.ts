import { WORKSPACE_SCHEMA_VERSION } from '../workspace/hookRecord';
import { HOOK_KEY_PREFIX } from './storageKeys';

/** Every stored record but the version record, by key. */
export type StoredEntries = Map<string, unknown>;

export interface MigrationStep {
  /** The layout version this step reads; it produces version `from + 1`. */
  from: number;
  /** Returns the records in the next layout (a key left out is removed). */
  migrate(entries: StoredEntries): StoredEntries;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Layout 1 → 2: hooks gain their test cases. A hook stored before tests existed has none.
 * A record that is not an object is left as is: parsing reports it, as at any version.
 */
export const ADD_HOOK_TESTS: MigrationStep = {
  from: 1,
  migrate: (entries) =>
    new Map(
      [...entries].map(([key, value]) =>
        key.startsWith(HOOK_KEY_PREFIX) && isRecord(value) && !Array.isArray(value.tests)
          ? [key, { ...value, tests: [] }]
          : [key, value],
      ),
    ),
};

/** Version n → n + 1, in order. */
export const MIGRATIONS: readonly MigrationStep[] = [ADD_HOOK_TESTS];

/**
 * The records upgraded from `fromVersion` to `toVersion`, one step at a time. Throws when
 * a step is missing, so a gap never passes for an upgrade.
 */
export function migrateEntries(
  entries: StoredEntries,
  fromVersion: number,
  steps: readonly MigrationStep[] = MIGRATIONS,
  toVersion: number = WORKSPACE_SCHEMA_VERSION,
): StoredEntries {
  let current = new Map(entries);
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = steps.find((candidate) => candidate.from === version);
    if (!step) {
      throw new Error(`There is no upgrade of the stored workspace from version ${version}.`);
    }
    current = new Map(step.migrate(current));
  }
  return current;
}

/** What writing `next` over `previous` takes: the changed or new records and the removed keys. */
export function entriesChanges(
  previous: StoredEntries,
  next: StoredEntries,
): { puts: [string, unknown][]; deletes: string[] } {
  const puts = [...next].filter(([key, value]) => previous.get(key) !== value);
  const deletes = [...previous.keys()].filter((key) => !next.has(key));
  return { puts, deletes };
}
