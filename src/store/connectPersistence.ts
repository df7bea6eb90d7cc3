import type { PersistenceEvent, WorkspacePersistence } from '../persist/createWorkspacePersistence';
import type { WorkspaceSettings } from '../workspace/hookRecord';
import type { AppState } from './appState';
import type { AppStore } from './createAppStore';
import type { ConflictChoice } from './syncSlice';

const settingsOf = (state: AppState): WorkspaceSettings => ({
  selectedHookId: state.selectedHookId,
  timeoutMs: state.timeoutMs,
  codePaneFraction: state.codePaneFraction,
});

const sameSettings = (a: WorkspaceSettings, b: WorkspaceSettings) =>
  a.selectedHookId === b.selectedHookId &&
  a.timeoutMs === b.timeoutMs &&
  a.codePaneFraction === b.codePaneFraction;

export interface PersistenceConnection {
  /** Resolves a conflict; "Keep mine" writes over what the other tab stored. */
  resolveConflict(id: string, choice: ConflictChoice): void;
  disconnect(): void;
}

/**
 * Feeds every hook the user changes to the persistence layer and applies what it reports:
 * another tab's edits and deletions, the revisions of landed writes, conflicts and storage
 * errors. Changes it applies itself are not written back.
 */
export function connectPersistence(
  store: AppStore,
  persistence: WorkspacePersistence,
): PersistenceConnection {
  let applying = false;
  const apply = (change: () => void) => {
    applying = true;
    try {
      change();
    } finally {
      applying = false;
    }
  };

  let lastSettings = settingsOf(store.getState());
  const unsubscribeStore = store.subscribe((state, previous) => {
    if (applying) return;
    if (state.hooks !== previous.hooks) {
      for (const hook of Object.values(state.hooks)) {
        // A hook in conflict waits for the user's choice: writing it now would overwrite
        // the other tab's version, which the notice promises not to do.
        if (previous.hooks[hook.id] === hook || state.conflicts.some((c) => c.id === hook.id)) {
          continue;
        }
        persistence.hookChanged(hook);
      }
      for (const id of Object.keys(previous.hooks)) {
        if (!state.hooks[id]) persistence.hookDeleted(id);
      }
    }
    const settings = settingsOf(state);
    if (!sameSettings(settings, lastSettings)) {
      lastSettings = settings;
      persistence.settingsChanged(settings);
    }
  });

  const onEvent = (event: PersistenceEvent) => {
    const state = store.getState();
    switch (event.type) {
      case 'remote-hook':
        apply(() => state.applyStoredHook(event.record));
        break;
      case 'remote-delete': {
        const before = new Set(Object.keys(state.hooks));
        apply(() => state.applyStoredDelete(event.id));
        // Deleting the only hook leaves a fresh one, which is this tab's to store.
        for (const hook of Object.values(store.getState().hooks)) {
          if (!before.has(hook.id)) persistence.hookChanged(hook);
        }
        break;
      }
      case 'saved':
        apply(() => state.setStoredRev(event.id, event.rev));
        if (state.saveProblem) state.setSaveProblem(null);
        break;
      case 'conflict':
        state.addConflict({ id: event.mine.id, mine: event.mine, theirs: event.theirs });
        break;
      case 'error':
        state.setSaveProblem({ kind: event.kind, message: event.message });
        break;
    }
  };
  const unsubscribePersistence = persistence.subscribe(onEvent);

  return {
    resolveConflict: (id, choice) => {
      const conflict = store.getState().conflicts.find((candidate) => candidate.id === id);
      if (!conflict) return;
      // Edits made while the notice was shown belong to "mine".
      const mine = store.getState().hooks[id] ?? conflict.mine;
      if (choice === 'keep-mine') {
        apply(() => store.getState().resolveConflict(id, choice));
        const record = store.getState().hooks[id];
        if (record) persistence.forceHook(record);
        return;
      }
      // "Use theirs" applies what is stored; "Keep both" also adds this tab's draft as a
      // new hook, which the store listener then writes like any new hook.
      apply(() => store.getState().resolveConflict(id, 'use-theirs'));
      if (choice === 'keep-both') store.getState().addHookCopy(mine);
    },
    disconnect: () => {
      unsubscribeStore();
      unsubscribePersistence();
    },
  };
}
