import type { StateCreator } from 'zustand';
import { restoreVersionOf, withSavedVersion } from '../workspace/hookVersions';
import type { AppState } from './appState';
import { changeHook } from './hookList';

/** What restoring did: nothing (unknown hook or version), or whether the draft was kept first. */
export type RestoreResult = { restored: false } | { restored: true; keptDraftAsVersion: boolean };

/** A hook's saved versions: save, restore, compare with the draft. */
export interface VersionsSlice {
  /** Records the draft as an immutable version. */
  saveVersion(id: string, message?: string): void;
  /** The version becomes the draft; an unsaved draft is first saved as a version. */
  restoreVersion(id: string, versionId: string): RestoreResult;
  /** Shows the version next to the draft (see `comparing`) and selects its hook. */
  compareVersion(id: string, versionId: string): void;
}

export const createVersionsSlice: StateCreator<AppState, [], [], VersionsSlice> = (set, get) => ({
  saveVersion: (id, message) =>
    set((state) => changeHook(state, id, (hook) => withSavedVersion(hook, message))),
  restoreVersion: (id, versionId) => {
    set({ comparing: null });
    const hook = get().hooks[id];
    const restored = hook && restoreVersionOf(hook, versionId, get().hooks);
    if (!restored) return { restored: false };
    set((state) => changeHook(state, id, () => restored.hook));
    return { restored: true, keptDraftAsVersion: restored.keptDraftAsVersion };
  },
  compareVersion: (id, versionId) => {
    if (!get().hooks[id]?.versions.some((version) => version.id === versionId)) return;
    set({ comparing: { hookId: id, versionId }, selectedHookId: id });
  },
});
