import { z } from 'zod';
import type { PersistOptions } from 'zustand/middleware';
import { PointIdSchema, TimeoutMsSchema, type PointId } from '../core/schemas';
import type { AppState } from './appState';
import { clampCodePane, type Draft } from './workspaceSlice';

export const STORAGE_KEY = 'hookpad:v1';
export const STORAGE_VERSION = 1;

/** What survives a reload: the inputs, never run results. */
export interface PersistedState {
  pointId: PointId;
  drafts: Partial<Record<PointId, Draft>>;
  timeoutMs: number;
  codePaneFraction: number;
}

const DraftSchema = z.object({ code: z.string(), payloadText: z.string() });

/**
 * Reads whatever is stored field by field, so one damaged or outdated field costs only
 * that field and never the drafts next to it.
 */
export function readPersisted(value: unknown): Partial<PersistedState> {
  if (typeof value !== 'object' || value === null) return {};
  const stored = value as Record<string, unknown>;
  const result: Partial<PersistedState> = {};

  const pointId = PointIdSchema.safeParse(stored.pointId);
  if (pointId.success) result.pointId = pointId.data;
  const timeoutMs = TimeoutMsSchema.safeParse(stored.timeoutMs);
  if (timeoutMs.success) result.timeoutMs = timeoutMs.data;
  if (typeof stored.codePaneFraction === 'number') {
    result.codePaneFraction = clampCodePane(stored.codePaneFraction);
  }
  if (typeof stored.drafts === 'object' && stored.drafts !== null) {
    const drafts: Partial<Record<PointId, Draft>> = {};
    for (const [id, draft] of Object.entries(stored.drafts)) {
      const pointIdOk = PointIdSchema.safeParse(id);
      const draftOk = DraftSchema.safeParse(draft);
      if (pointIdOk.success && draftOk.success) drafts[pointIdOk.data] = draftOk.data;
    }
    result.drafts = drafts;
  }
  return result;
}

export const persistOptions: Omit<PersistOptions<AppState, PersistedState>, 'storage'> = {
  name: STORAGE_KEY,
  version: STORAGE_VERSION,
  partialize: (state) => ({
    pointId: state.pointId,
    drafts: state.drafts,
    timeoutMs: state.timeoutMs,
    codePaneFraction: state.codePaneFraction,
  }),
  // Version 1 is the first stored shape; older or unknown versions are read leniently so
  // drafts written by any earlier build are kept where they still make sense.
  migrate: (persisted) => readPersisted(persisted) as PersistedState,
  merge: (persisted, current) => {
    const stored = readPersisted(persisted);
    return {
      ...current,
      ...stored,
      drafts: { ...current.drafts, ...stored.drafts },
    };
  },
};
