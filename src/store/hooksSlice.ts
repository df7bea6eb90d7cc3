import type { StateCreator } from 'zustand';
import type { HookExample } from '../core/examples';
import { DEFAULT_TIMEOUT_MS, type PointId } from '../core/schemas';
import { copyOfHook } from '../workspace/copyOfHook';
import { hasUnsavedChanges } from '../workspace/draft/sameDraft';
import { enabledHookOf } from '../workspace/enabledHookOf';
import { hookFromExample } from '../workspace/hookFromExample';
import { hookFromSharedWork, type SharedWork } from '../workspace/hookFromSharedWork';
import { hookNameProblem, pointHookName } from '../workspace/hookNames';
import type { HookRecord } from '../workspace/hookRecord';
import { moveHookToPoint } from '../workspace/moveHookToPoint';
import { newHook, uniqueHookName } from '../workspace/newHook';
import type { AppState } from './appState';
import {
  changeHook,
  hookNames,
  initialHookList,
  insertHook,
  removeHook,
  type HookChange,
  type HookList,
} from './hookList';

/** The hook deleted last, kept for Undo. */
export interface DeletedHook {
  record: HookRecord;
  index: number;
  wasSelected: boolean;
  /** The fresh hook that took the place of a workspace's last hook; Undo removes it if untouched. */
  replacement?: string;
}

export type EnableResult = { ok: true } | { ok: false; enabledHook: HookRecord };

/** The hooks list: which hooks there are, their order, the selected one, and their point. */
export interface HooksSlice extends HookList {
  deletedHook: DeletedHook | null;

  /** A new hook with the point's starter code, selected; returns its id. */
  /**
   * Adds a hook with the point's starter code, selected: on the selected hook's point unless
   * one is given, named `name` when the name rule allows it, else after its point.
   */
  createHook(pointId?: PointId, name?: string): string;
  selectHook(id: string): void;
  /** Returns why the name is refused, or null when renamed. */
  renameHook(id: string, name: string): string | null;
  duplicateHook(id: string): string;
  /** Adds a copy of `record` (new id, "… copy" name) after it and selects it. */
  addHookCopy(record: HookRecord): string;
  deleteHook(id: string): void;
  undoDeleteHook(): void;
  dismissDeletedHook(): void;
  /** Enabling asks first when another hook of the point is enabled: nothing changes then. */
  setHookEnabled(id: string, enabled: boolean): EnableResult;
  /** Enables the hook and disables the point's other enabled hook. */
  enableHookExclusively(id: string): void;
  /** The picker: a hook still holding its old point's starter gets the new point's. */
  setHookPoint(id: string, pointId: PointId): void;
  /** Adds hooks (already named uniquely and checked by the importer), selects the first. */
  addHooks(records: HookRecord[]): void;
  /**
   * Opens a share link as a new hook, selected. With the link's digest, a link opened before
   * selects the hook it made then instead of adding a copy.
   */
  openSharedWork(work: SharedWork, openedFrom?: string): OpenedSharedWork;
  /** Loads the example as a new hook, selected; never runs it. */
  loadExample(example: HookExample): void;
  /** Removes the hook the last example created and selects the previous one. */
  undoExample(): void;
}

/** What opening a share link did: the hook it made, or the one it had made before. */
export interface OpenedSharedWork {
  hookId: string;
  reopened: boolean;
}

export const createHooksSlice: StateCreator<AppState, [], [], HooksSlice> = (set, get) => {
  const updateHook = (id: string, change: HookChange) =>
    set((state) => changeHook(state, id, change));

  return {
    ...initialHookList(),
    deletedHook: null,

    createHook: (pointId, name) => {
      const point = pointId ?? get().hooks[get().selectedHookId]?.pointId ?? 'credentials-exchange';
      const taken = hookNames(get());
      const wanted = name?.trim();
      const hook = newHook({
        pointId: point,
        name:
          wanted !== undefined && hookNameProblem(wanted, taken) === null
            ? wanted
            : uniqueHookName(pointHookName(point), taken),
      });
      set((state) => insertHook(state, hook));
      return hook.id;
    },
    selectHook: (id) => {
      if (get().hooks[id] && get().selectedHookId !== id) {
        set({ selectedHookId: id, comparing: null });
      }
    },
    renameHook: (id, name) => {
      const trimmed = name.trim();
      const problem = hookNameProblem(trimmed, hookNames(get(), id));
      if (problem !== null) return problem;
      updateHook(id, (hook) => (hook.name === trimmed ? undefined : { ...hook, name: trimmed }));
      return null;
    },
    duplicateHook: (id) => {
      const source = get().hooks[id];
      return source ? get().addHookCopy(source) : get().selectedHookId;
    },
    addHookCopy: (source) => {
      const copy = copyOfHook(source, hookNames(get()));
      set((state) => insertHook(state, copy, source.id));
      return copy.id;
    },
    deleteHook: (id) => {
      const state = get();
      const record = state.hooks[id];
      if (!record) return;
      const deleted: DeletedHook = {
        record,
        index: state.hookOrder.indexOf(id),
        wasSelected: state.selectedHookId === id,
      };
      const wasLast = state.hookOrder.length === 1;
      set((current) => removeHook(current, id));
      set({
        deletedHook: wasLast ? { ...deleted, replacement: get().hookOrder[0] } : deleted,
      });
    },
    undoDeleteHook: () => {
      const deleted = get().deletedHook;
      if (!deleted) return;
      set((state) => {
        const replacement =
          deleted.replacement === undefined ? undefined : state.hooks[deleted.replacement];
        // The stand-in for a deleted last hook goes again, unless the user has used it.
        const dropReplacement =
          replacement !== undefined &&
          replacement.versions.length === 0 &&
          !hasUnsavedChanges(replacement);
        const hooks = { ...state.hooks, [deleted.record.id]: deleted.record };
        if (dropReplacement) delete hooks[replacement.id];
        const order = state.hookOrder.filter(
          (id) => id !== deleted.record.id && !(dropReplacement && id === replacement.id),
        );
        order.splice(Math.min(deleted.index, order.length), 0, deleted.record.id);
        return {
          hooks,
          hookOrder: order,
          selectedHookId: deleted.wasSelected ? deleted.record.id : state.selectedHookId,
          deletedHook: null,
        };
      });
    },
    dismissDeletedHook: () => set({ deletedHook: null }),
    setHookEnabled: (id, enabled) => {
      const hook = get().hooks[id];
      if (!hook) return { ok: true };
      if (enabled) {
        const other = enabledHookOf(get().hooks, hook.pointId, id);
        if (other) return { ok: false, enabledHook: other };
      }
      updateHook(id, (current) =>
        current.enabled === enabled ? undefined : { ...current, enabled },
      );
      return { ok: true };
    },
    enableHookExclusively: (id) => {
      const hook = get().hooks[id];
      if (!hook) return;
      const other = enabledHookOf(get().hooks, hook.pointId, id);
      if (other) updateHook(other.id, (current) => ({ ...current, enabled: false }));
      updateHook(id, (current) => (current.enabled ? undefined : { ...current, enabled: true }));
    },
    setHookPoint: (id, pointId) =>
      updateHook(id, (hook) =>
        moveHookToPoint(hook, pointId, { others: Object.values(get().hooks) }),
      ),
    addHooks: (records) => {
      if (records.length === 0) return;
      set((state) => ({
        hooks: { ...state.hooks, ...Object.fromEntries(records.map((hook) => [hook.id, hook])) },
        hookOrder: [...state.hookOrder, ...records.map((hook) => hook.id)],
        selectedHookId: records[0]!.id,
      }));
    },
    openSharedWork: (work, openedFrom) => {
      const state = get();
      const earlier =
        openedFrom === undefined
          ? undefined
          : state.hookOrder.find((id) => state.hooks[id]?.openedFrom === openedFrom);
      if (earlier !== undefined) {
        get().selectHook(earlier);
        return { hookId: earlier, reopened: true };
      }
      const hook = hookFromSharedWork(work, hookNames(state), openedFrom);
      set((current) => insertHook(current, hook));
      if (work.timeoutMs !== undefined) set({ timeoutMs: work.timeoutMs, timeoutInput: null });
      return { hookId: hook.id, reopened: false };
    },
    loadExample: (example) => {
      const state = get();
      const hook = hookFromExample(example, hookNames(state));
      set((current) => insertHook(current, hook));
      set({
        timeoutMs: example.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        timeoutInput: null,
        exampleNotice: {
          title: example.title,
          expected: example.expected,
          hookId: hook.id,
          previousHookId: state.selectedHookId,
          previousTimeout: { timeoutMs: state.timeoutMs, timeoutInput: state.timeoutInput },
        },
      });
    },
    undoExample: () => {
      const notice = get().exampleNotice;
      if (!notice) return;
      set((current) => removeHook(current, notice.hookId));
      set((state) => ({
        selectedHookId: state.hooks[notice.previousHookId]
          ? notice.previousHookId
          : state.selectedHookId,
        timeoutMs: notice.previousTimeout.timeoutMs,
        timeoutInput: notice.previousTimeout.timeoutInput,
        exampleNotice: null,
      }));
    },
  };
};
