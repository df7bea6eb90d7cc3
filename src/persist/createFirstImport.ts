import type { KnownRecords } from './createKnownRecords';
import type { PendingImport } from './loadWorkspace';
import { markLegacyMigrated, type LegacyStorage } from './legacy/readLegacyDrafts';
import { parseWorkspace, type WorkspaceRepository } from './workspaceRepository';

/** The records the first load found but did not store yet (e.g. migrated localStorage drafts). */
export interface FirstImport {
  start(batch: PendingImport | null): void;
  isPending(): boolean;
  /** The first load's records go before any other write, so nothing is stored without them. */
  ensureWritten(): Promise<void>;
}

export function createFirstImport({
  repository,
  legacyStorage,
  known,
}: {
  repository: WorkspaceRepository;
  legacyStorage: LegacyStorage | null;
  known: KnownRecords;
}): FirstImport {
  let pendingImport: PendingImport | null = null;
  let importing: Promise<void> | null = null;

  function ensureWritten(): Promise<void> {
    const batch = pendingImport;
    if (!batch) return Promise.resolve();
    importing ??= (async () => {
      const written = await repository.commit(undefined, batch.puts, []);
      const stored = written ? batch.hooks : parseWorkspace(await repository.readAll()).hooks;
      pendingImport = null;
      if (written && batch.fromLegacy && legacyStorage) markLegacyMigrated(legacyStorage);
      // Not written: another tab loaded first, and what it stored is what writes go over.
      for (const hook of stored) if (!known.has(hook.id)) known.accept(hook.id, hook);
    })().finally(() => {
      importing = null;
    });
    return importing;
  }

  return {
    start(batch) {
      pendingImport = batch;
    },
    isPending: () => pendingImport !== null,
    ensureWritten,
  };
}
