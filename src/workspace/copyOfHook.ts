import type { HookRecord } from './hookRecord';
import { newHook, uniqueHookName } from './newHook';
import { newSecretId } from './draft/secrets';

/**
 * A disabled copy of the hook under a new id and a "… copy" name unique among
 * `takenNames`: same draft (secret rows get their own ids), storage and versions.
 */
export function copyOfHook(source: HookRecord, takenNames: readonly string[]): HookRecord {
  const copy = newHook({
    pointId: source.pointId,
    name: uniqueHookName(`${source.name} copy`, takenNames),
    draft: {
      ...source.draft,
      secrets: source.draft.secrets.map((row) => ({ ...row, id: newSecretId() })),
    },
  });
  return { ...copy, storage: source.storage, versions: source.versions };
}
