import type { StateCreator } from 'zustand';
import { clampCodePane } from '../workspace/codePane';
import type { HookRecord, WorkspaceSettings } from '../workspace/hookRecord';
import type { AppState } from './appState';
import { removeHook } from './hookList';

/** Another tab stored a hook this tab was editing; the user decides. */
export interface HookConflict {
  id: string;
  mine: HookRecord;
  /** null: the other tab deleted it. */
  theirs: HookRecord | null;
}

export type ConflictChoice = 'keep-both' | 'use-theirs' | 'keep-mine';

export interface SaveProblem {
  kind: 'quota' | 'unavailable' | 'other';
  message: string;
}

/** A stored record that could not be read; kept in the database and reported. */
export interface QuarantineNotice {
  key: string;
  error: string;
}

/** What storage and other tabs bring in, and what went wrong storing. */
export interface SyncSlice {
  conflicts: HookConflict[];
  quarantined: QuarantineNotice[];
  saveProblem: SaveProblem | null;

  /** Replaces the workspace with what storage held (at start-up). */
  hydrate(loaded: {
    hooks: HookRecord[];
    settings: WorkspaceSettings | null;
    quarantined?: QuarantineNotice[];
  }): void;
  /** From another tab or storage: replace or delete without writing back. */
  applyStoredHook(record: HookRecord): void;
  applyStoredDelete(id: string): void;
  setStoredRev(id: string, rev: number): void;
  addConflict(conflict: HookConflict): void;
  resolveConflict(id: string, choice: ConflictChoice): void;
  setSaveProblem(problem: SaveProblem | null): void;
  dismissQuarantine(): void;
}

export const createSyncSlice: StateCreator<AppState, [], [], SyncSlice> = (set, get) => ({
  conflicts: [],
  quarantined: [],
  saveProblem: null,

  hydrate: ({ hooks, settings, quarantined }) =>
    set((state) => {
      const next: Partial<AppState> = { quarantined: quarantined ?? [] };
      if (hooks.length > 0) {
        const sorted = [...hooks].sort((a, b) => a.createdAt - b.createdAt);
        next.hooks = Object.fromEntries(sorted.map((hook) => [hook.id, hook]));
        next.hookOrder = sorted.map((hook) => hook.id);
        next.selectedHookId =
          settings?.selectedHookId && next.hooks[settings.selectedHookId]
            ? settings.selectedHookId
            : sorted[0]!.id;
      }
      if (settings) {
        next.timeoutMs = settings.timeoutMs;
        next.timeoutInput = null;
        next.codePaneFraction = clampCodePane(settings.codePaneFraction);
      }
      return { ...state, ...next };
    }),

  applyStoredHook: (record) =>
    set((state) => ({
      hooks: { ...state.hooks, [record.id]: record },
      hookOrder: state.hookOrder.includes(record.id)
        ? state.hookOrder
        : [...state.hookOrder, record.id],
    })),
  applyStoredDelete: (id) => set((state) => removeHook(state, id)),
  setStoredRev: (id, rev) =>
    set((state) => {
      const hook = state.hooks[id];
      if (!hook || hook.rev === rev) return state;
      return { hooks: { ...state.hooks, [id]: { ...hook, rev } } };
    }),
  addConflict: (conflict) =>
    set((state) => ({
      conflicts: [...state.conflicts.filter((other) => other.id !== conflict.id), conflict],
    })),
  resolveConflict: (id, choice) => {
    const conflict = get().conflicts.find((candidate) => candidate.id === id);
    if (!conflict) return;
    set((state) => ({ conflicts: state.conflicts.filter((other) => other.id !== id) }));
    const { theirs } = conflict;
    // What this tab holds now: the notice does not block editing, so it may be newer
    // than the record the conflict was reported with.
    const mine = get().hooks[id] ?? conflict.mine;
    if (choice === 'keep-mine') {
      set((state) => ({
        hooks: { ...state.hooks, [id]: { ...mine, rev: theirs?.rev ?? mine.rev } },
        hookOrder: state.hookOrder.includes(id) ? state.hookOrder : [...state.hookOrder, id],
      }));
      return;
    }
    if (theirs) get().applyStoredHook(theirs);
    else set((state) => removeHook(state, id));
    if (choice === 'keep-both') get().addHookCopy(mine);
  },
  setSaveProblem: (problem) => set({ saveProblem: problem }),
  dismissQuarantine: () => set({ quarantined: [] }),
});
