import { points } from '../../core/points';
import { DEFAULT_TIMEOUT_MS, type PointId, type StorageState } from '../../core/schemas';
import { readPersisted, STORAGE_KEY, type PersistedState } from './persistedState';
import { DEFAULT_CODE_PANE } from '../../workspace/codePane';
import type { HookDraft, HookRecord, WorkspaceSettings } from '../../workspace/hookRecord';
import { newHook, starterHookDraft, uniqueHookName } from '../../workspace/newHook';
import { sameValue } from '../../workspace/sameValue';

export type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem' | 'setItem'>;

/** The foundation's drafts, kept under this key once they are hooks. */
export const LEGACY_MIGRATED_KEY = `${STORAGE_KEY}:migrated`;

export interface LegacyDrafts {
  /** One per point whose draft or storage the user had changed, in the Dashboard's order. */
  hooks: HookRecord[];
  settings: WorkspaceSettings;
}

/**
 * Ids of migrated hooks are fixed per point, so two tabs migrating the same drafts at once
 * produce the same hooks, never duplicates.
 */
export const legacyHookId = (pointId: PointId): string => `hook-legacy-${pointId}`;

const isEmptyStorage = (storage: StorageState | undefined): boolean =>
  storage === undefined || (storage.data === undefined && storage.etag === undefined);

const isStarter = (pointId: PointId, draft: HookDraft): boolean =>
  sameValue(draft, starterHookDraft(pointId));

/**
 * The foundation's localStorage drafts as hooks (named apart from `takenNames`), or null
 * when there are none to read (no key, storage refused, or text that is not JSON: then it
 * stays where it is, untouched).
 */
export function readLegacyDrafts(
  storage: LegacyStorage,
  now: number,
  takenNames: readonly string[] = [],
): LegacyDrafts | null {
  let text: string | null;
  let stored: unknown;
  try {
    text = storage.getItem(STORAGE_KEY);
    if (text === null) return null;
    stored = JSON.parse(text);
  } catch {
    return null;
  }
  const state: Partial<PersistedState> =
    typeof stored === 'object' && stored !== null
      ? readPersisted((stored as { state?: unknown }).state)
      : {};
  const hooks: HookRecord[] = [];
  let selectedHookId: string | null = null;
  for (const point of points) {
    const draft: HookDraft = {
      ...(state.drafts?.[point.id] ?? starterHookDraft(point.id)),
      dependencies: {},
    };
    const pointStorage = state.storage?.[point.id];
    if (isStarter(point.id, draft) && isEmptyStorage(pointStorage)) continue;
    const hook = newHook({
      pointId: point.id,
      name: uniqueHookName(point.label, [...takenNames, ...hooks.map((taken) => taken.name)]),
      draft,
      id: legacyHookId(point.id),
      // A millisecond apart, so the hooks list keeps the Dashboard's order.
      now: now + hooks.length,
    });
    hooks.push({ ...hook, storage: pointStorage ?? {} });
    if (point.id === state.pointId) selectedHookId = hook.id;
  }
  return {
    hooks,
    settings: {
      selectedHookId,
      timeoutMs: state.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      codePaneFraction: state.codePaneFraction ?? DEFAULT_CODE_PANE,
    },
  };
}

/**
 * Moves the drafts to LEGACY_MIGRATED_KEY (a free variant of it if that is taken), so they
 * are not migrated again and are never lost. If storage refuses, they stay where they are.
 */
export function markLegacyMigrated(storage: LegacyStorage): void {
  try {
    const text = storage.getItem(STORAGE_KEY);
    if (text === null) return;
    let target = LEGACY_MIGRATED_KEY;
    for (let n = 2; storage.getItem(target) !== null; n += 1) {
      target = `${LEGACY_MIGRATED_KEY}:${n}`;
    }
    storage.setItem(target, text);
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Still under the old key: nothing is lost, and it is not migrated twice (the
    // workspace's version record now exists).
  }
}
