import type { StateCreator } from 'zustand';
import type { HookExample } from '../core/examples';
import { getPoint, points } from '../core/points';
import {
  DEFAULT_TIMEOUT_MS,
  TimeoutMsSchema,
  type PointId,
  type StorageState,
} from '../core/schemas';
import { clampCodePane, DEFAULT_CODE_PANE } from '../workspace/codePane';
import { copyOfHook } from '../workspace/copyOfHook';
import { enabledHookOf } from '../workspace/enabledHookOf';
import { hookFromExample } from '../workspace/hookFromExample';
import { hookFromSharedWork, type SharedWork } from '../workspace/hookFromSharedWork';
import { hookNameProblem, pointHookName } from '../workspace/hookNames';
import type { HookDraft, HookRecord, WorkspaceSettings } from '../workspace/hookRecord';
import { restoreVersionOf, withSavedVersion } from '../workspace/hookVersions';
import { moveHookToPoint } from '../workspace/moveHookToPoint';
import { newHook, starterHookDraft, uniqueHookName } from '../workspace/newHook';
import { hasUnsavedChanges } from '../workspace/draft/sameDraft';
import { newHttpMock, type HttpMockPatch, type ModuleMockPatch } from '../workspace/draft/network';
import {
  addAutoMockEdit,
  addHttpMockEdit,
  addModuleMockEdit,
  moveHttpMockEdit,
  removeAutoMockEdit,
  removeHttpMockEdit,
  removeModuleMockEdit,
  renameAutoMockEdit,
  setAllowNetworkEdit,
  updateHttpMockEdit,
  updateModuleMockEdit,
  type NetworkEdit,
} from '../workspace/draft/networkEdits';
import { newSecretId, patchSecretRow, type SecretRowPatch } from '../workspace/draft/secrets';
import type { AppState } from './appState';

export type { SecretRow } from '../workspace/draft/secrets';
export type { SharedWork } from '../workspace/hookFromSharedWork';
export { DEFAULT_CODE_PANE, MAX_CODE_PANE, MIN_CODE_PANE } from '../workspace/codePane';
/** What the user edits and runs for one hook. */
export type Draft = HookDraft;

/** The notice after loading an example; Undo removes the hook it created. */
export interface ExampleNotice {
  title: string;
  expected: string;
  hookId: string;
  previousHookId: string;
  previousTimeout: { timeoutMs: number; timeoutInput: string | null };
}

/** The hook deleted last, kept for Undo. */
export interface DeletedHook {
  record: HookRecord;
  index: number;
  wasSelected: boolean;
  /** The fresh hook that took the place of a workspace's last hook; Undo removes it if untouched. */
  replacement?: string;
}

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

/** What restoring did: nothing (unknown hook or version), or whether the draft was kept first. */
export type RestoreResult = { restored: false } | { restored: true; keptDraftAsVersion: boolean };

export type EnableResult = { ok: true } | { ok: false; enabledHook: HookRecord };

export interface WorkspaceSlice {
  hooks: Record<string, HookRecord>;
  /** Display order: creation order. */
  hookOrder: string[];
  /** Always one of `hookOrder` (a workspace keeps at least one hook). */
  selectedHookId: string;
  /** The last valid timeout; what runs use and what is persisted. */
  timeoutMs: number;
  /** The timeout field's text while it is not a valid timeout, otherwise null. */
  timeoutInput: string | null;
  /** Share of the width the code pane takes on wide screens. */
  codePaneFraction: number;
  /** Secret rows (by id) whose value is shown in clear, in the field and in the output. */
  revealedSecretIds: ReadonlySet<string>;
  exampleNotice: ExampleNotice | null;
  deletedHook: DeletedHook | null;
  conflicts: HookConflict[];
  quarantined: QuarantineNotice[];
  saveProblem: SaveProblem | null;
  /** The version the code pane compares with the draft (Monaco's diff editor), if any. */
  comparing: { hookId: string; versionId: string } | null;

  /** Replaces the workspace with what storage held (at start-up). */
  hydrate(loaded: {
    hooks: HookRecord[];
    settings: WorkspaceSettings | null;
    quarantined?: QuarantineNotice[];
  }): void;

  /** A new hook with the point's starter code, selected; returns its id. */
  createHook(pointId?: PointId): string;
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
  /** Records the draft as an immutable version. */
  saveVersion(id: string, message?: string): void;
  /** The version becomes the draft; an unsaved draft is first saved as a version. */
  restoreVersion(id: string, versionId: string): RestoreResult;
  compareVersion(id: string, versionId: string): void;
  closeCompare(): void;

  /** From another tab or storage: replace or delete without writing back. */
  applyStoredHook(record: HookRecord): void;
  applyStoredDelete(id: string): void;
  setStoredRev(id: string, rev: number): void;
  addConflict(conflict: HookConflict): void;
  resolveConflict(id: string, choice: ConflictChoice): void;
  setSaveProblem(problem: SaveProblem | null): void;
  dismissQuarantine(): void;

  setCode(id: string, code: string): void;
  setPayloadText(id: string, payloadText: string): void;
  setTimeoutInput(text: string): void;
  setCodePaneFraction(fraction: number): void;
  /** Back to the point's starter code / default payload (undoable in the editor). */
  resetCode(id: string): void;
  resetPayload(id: string): void;
  /** Opens a share link as a new hook, selected. */
  openSharedWork(work: SharedWork): void;

  /** Adds an empty secret row and returns its id. */
  addSecret(id: string): string;
  setSecretName(id: string, rowId: string, name: string): void;
  setSecretValue(id: string, rowId: string, value: string): void;
  removeSecret(id: string, rowId: string): void;
  toggleSecretReveal(rowId: string): void;

  setStorage(id: string, storage: StorageState): void;
  clearStorage(id: string): void;

  /** Appends an HTTP mock (ANY, empty pattern, 200, no body) and returns its id. */
  addHttpMock(id: string): string;
  updateHttpMock(id: string, mockId: string, patch: HttpMockPatch): void;
  removeHttpMock(id: string, mockId: string): void;
  /** Moves a mock `delta` places (negative: up); the first matching mock answers. */
  moveHttpMock(id: string, mockId: string, delta: number): void;
  setAllowNetwork(id: string, on: boolean): void;
  addModuleMock(id: string, name: string): void;
  updateModuleMock(id: string, index: number, patch: ModuleMockPatch): void;
  removeModuleMock(id: string, index: number): void;
  addAutoMock(id: string, name: string): void;
  removeAutoMock(id: string, name: string): void;
  renameAutoMock(id: string, from: string, to: string): void;
  setDependencies(id: string, dependencies: Record<string, string>): void;

  /** Loads the example as a new hook, selected; never runs it. */
  loadExample(example: HookExample): void;
  /** Removes the hook the last example created and selects the previous one. */
  undoExample(): void;
  dismissExampleNotice(): void;
  /** Adds hooks (already named uniquely and checked by the importer), selects the first. */
  addHooks(records: HookRecord[]): void;
}

export const EMPTY_STORAGE: StorageState = {};

/** A fresh workspace: one hook of the first point. */
export function initialHooks(): Pick<WorkspaceSlice, 'hooks' | 'hookOrder' | 'selectedHookId'> {
  const pointId = points[0]?.id ?? 'credentials-exchange';
  const hook = newHook({ pointId, name: pointHookName(pointId) });
  return { hooks: { [hook.id]: hook }, hookOrder: [hook.id], selectedHookId: hook.id };
}

const names = (state: Pick<WorkspaceSlice, 'hooks'>, except?: string): string[] =>
  Object.values(state.hooks)
    .filter((hook) => hook.id !== except)
    .map((hook) => hook.name);

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => {
  /** Replaces one hook with `change(hook)`; undefined or the same object changes nothing. */
  const updateHook = (id: string, change: (hook: HookRecord) => HookRecord | undefined) =>
    set((state) => {
      const hook = state.hooks[id];
      if (!hook) return state;
      const next = change(hook);
      // Returning the same state keeps subscribers (and the Monaco model sync) quiet.
      if (next === undefined || next === hook) return state;
      return { hooks: { ...state.hooks, [id]: { ...next, updatedAt: Date.now() } } };
    });

  const updateDraft = (id: string, patch: Partial<Draft>) =>
    updateHook(id, (hook) => {
      const unchanged = Object.entries(patch).every(
        ([key, value]) => hook.draft[key as keyof Draft] === value,
      );
      return unchanged ? undefined : { ...hook, draft: { ...hook.draft, ...patch } };
    });

  const updateSecret = (id: string, rowId: string, patch: SecretRowPatch) =>
    updateHook(id, (hook) => ({
      ...hook,
      draft: {
        ...hook.draft,
        secrets: hook.draft.secrets.map((row) =>
          row.id === rowId ? patchSecretRow(row, patch) : row,
        ),
      },
    }));

  const updateNetwork = (id: string, edit: NetworkEdit) =>
    updateHook(id, (hook) => {
      const network = edit(hook.draft.network);
      return network === undefined ? undefined : { ...hook, draft: { ...hook.draft, network } };
    });

  /** Inserts a hook after `afterId` (or at the end) and selects it. */
  const insertHook = (hook: HookRecord, afterId?: string) =>
    set((state) => {
      const order = [...state.hookOrder];
      const at = afterId === undefined ? -1 : order.indexOf(afterId);
      if (at < 0) order.push(hook.id);
      else order.splice(at + 1, 0, hook.id);
      return {
        hooks: { ...state.hooks, [hook.id]: hook },
        hookOrder: order,
        selectedHookId: hook.id,
      };
    });

  const removeHook = (id: string) =>
    set((state) => {
      if (!state.hooks[id]) return state;
      const { [id]: _removed, ...hooks } = state.hooks;
      const order = state.hookOrder.filter((hookId) => hookId !== id);
      if (order.length === 0) {
        // A workspace keeps at least one hook to edit.
        const fresh = initialHooks();
        return { ...fresh };
      }
      const index = state.hookOrder.indexOf(id);
      const selectedHookId =
        state.selectedHookId === id
          ? (order[Math.min(index, order.length - 1)] ?? order[0]!)
          : state.selectedHookId;
      return { hooks, hookOrder: order, selectedHookId };
    });

  return {
    ...initialHooks(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    timeoutInput: null,
    codePaneFraction: DEFAULT_CODE_PANE,
    revealedSecretIds: new Set(),
    exampleNotice: null,
    deletedHook: null,
    conflicts: [],
    quarantined: [],
    saveProblem: null,
    comparing: null,

    hydrate: ({ hooks, settings, quarantined }) =>
      set((state) => {
        const next: Partial<WorkspaceSlice> = { quarantined: quarantined ?? [] };
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

    createHook: (pointId) => {
      const point = pointId ?? get().hooks[get().selectedHookId]?.pointId ?? 'credentials-exchange';
      const hook = newHook({
        pointId: point,
        name: uniqueHookName(pointHookName(point), names(get())),
      });
      insertHook(hook);
      return hook.id;
    },
    selectHook: (id) => {
      if (get().hooks[id] && get().selectedHookId !== id) {
        set({ selectedHookId: id, comparing: null });
      }
    },
    renameHook: (id, name) => {
      const trimmed = name.trim();
      const problem = hookNameProblem(trimmed, names(get(), id));
      if (problem !== null) return problem;
      updateHook(id, (hook) => (hook.name === trimmed ? undefined : { ...hook, name: trimmed }));
      return null;
    },
    duplicateHook: (id) => {
      const source = get().hooks[id];
      return source ? get().addHookCopy(source) : get().selectedHookId;
    },
    addHookCopy: (source) => {
      const copy = copyOfHook(source, names(get()));
      insertHook(copy, source.id);
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
      removeHook(id);
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
    saveVersion: (id, message) => updateHook(id, (hook) => withSavedVersion(hook, message)),
    restoreVersion: (id, versionId) => {
      set({ comparing: null });
      const hook = get().hooks[id];
      const restored = hook && restoreVersionOf(hook, versionId, get().hooks);
      if (!restored) return { restored: false };
      updateHook(id, () => restored.hook);
      return { restored: true, keptDraftAsVersion: restored.keptDraftAsVersion };
    },

    compareVersion: (id, versionId) => {
      if (!get().hooks[id]?.versions.some((version) => version.id === versionId)) return;
      set({ comparing: { hookId: id, versionId }, selectedHookId: id });
    },
    closeCompare: () => set({ comparing: null }),

    applyStoredHook: (record) =>
      set((state) => ({
        hooks: { ...state.hooks, [record.id]: record },
        hookOrder: state.hookOrder.includes(record.id)
          ? state.hookOrder
          : [...state.hookOrder, record.id],
      })),
    applyStoredDelete: (id) => removeHook(id),
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
      else removeHook(id);
      if (choice === 'keep-both') get().addHookCopy(mine);
    },
    setSaveProblem: (problem) => set({ saveProblem: problem }),
    dismissQuarantine: () => set({ quarantined: [] }),

    setCode: (id, code) => updateDraft(id, { code }),
    setPayloadText: (id, payloadText) => updateDraft(id, { payloadText }),
    setTimeoutInput: (text) => {
      const parsed = TimeoutMsSchema.safeParse(text.trim() === '' ? NaN : Number(text));
      set(parsed.success ? { timeoutMs: parsed.data, timeoutInput: null } : { timeoutInput: text });
    },
    setCodePaneFraction: (fraction) => set({ codePaneFraction: clampCodePane(fraction) }),
    resetCode: (id) =>
      updateHook(id, (hook) =>
        hook.draft.code === getPoint(hook.pointId).starterCode
          ? undefined
          : { ...hook, draft: { ...hook.draft, code: getPoint(hook.pointId).starterCode } },
      ),
    resetPayload: (id) =>
      updateHook(id, (hook) => {
        const payloadText = starterHookDraft(hook.pointId).payloadText;
        return hook.draft.payloadText === payloadText
          ? undefined
          : { ...hook, draft: { ...hook.draft, payloadText } };
      }),
    openSharedWork: (work) => {
      const hook = hookFromSharedWork(work, names(get()));
      insertHook(hook);
      if (work.timeoutMs !== undefined) set({ timeoutMs: work.timeoutMs, timeoutInput: null });
    },

    addSecret: (id) => {
      const rowId = newSecretId();
      updateHook(id, (hook) => ({
        ...hook,
        draft: {
          ...hook.draft,
          secrets: [...hook.draft.secrets, { id: rowId, name: '', value: '' }],
        },
      }));
      return rowId;
    },
    setSecretName: (id, rowId, name) => updateSecret(id, rowId, { name }),
    setSecretValue: (id, rowId, value) => updateSecret(id, rowId, { value }),
    removeSecret: (id, rowId) => {
      updateHook(id, (hook) => ({
        ...hook,
        draft: { ...hook.draft, secrets: hook.draft.secrets.filter((row) => row.id !== rowId) },
      }));
      if (get().revealedSecretIds.has(rowId)) get().toggleSecretReveal(rowId);
    },
    toggleSecretReveal: (rowId) =>
      set((state) => {
        const next = new Set(state.revealedSecretIds);
        if (!next.delete(rowId)) next.add(rowId);
        return { revealedSecretIds: next };
      }),

    setStorage: (id, storage) =>
      updateHook(id, (hook) => (hook.storage === storage ? undefined : { ...hook, storage })),
    clearStorage: (id) =>
      updateHook(id, (hook) =>
        Object.keys(hook.storage).length === 0 ? undefined : { ...hook, storage: EMPTY_STORAGE },
      ),

    addHttpMock: (id) => {
      const mock = newHttpMock();
      updateNetwork(id, addHttpMockEdit(mock));
      return mock.id;
    },
    updateHttpMock: (id, mockId, patch) => updateNetwork(id, updateHttpMockEdit(mockId, patch)),
    removeHttpMock: (id, mockId) => updateNetwork(id, removeHttpMockEdit(mockId)),
    moveHttpMock: (id, mockId, delta) => updateNetwork(id, moveHttpMockEdit(mockId, delta)),
    setAllowNetwork: (id, on) => updateNetwork(id, setAllowNetworkEdit(on)),
    addModuleMock: (id, name) => updateNetwork(id, addModuleMockEdit(name)),
    updateModuleMock: (id, index, patch) => updateNetwork(id, updateModuleMockEdit(index, patch)),
    removeModuleMock: (id, index) => updateNetwork(id, removeModuleMockEdit(index)),
    addAutoMock: (id, name) => updateNetwork(id, addAutoMockEdit(name)),
    removeAutoMock: (id, name) => updateNetwork(id, removeAutoMockEdit(name)),
    renameAutoMock: (id, from, to) => updateNetwork(id, renameAutoMockEdit(from, to)),
    setDependencies: (id, dependencies) => updateDraft(id, { dependencies }),

    loadExample: (example) => {
      const state = get();
      const hook = hookFromExample(example, names(state));
      insertHook(hook);
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
      removeHook(notice.hookId);
      set((state) => ({
        selectedHookId: state.hooks[notice.previousHookId]
          ? notice.previousHookId
          : state.selectedHookId,
        timeoutMs: notice.previousTimeout.timeoutMs,
        timeoutInput: notice.previousTimeout.timeoutInput,
        exampleNotice: null,
      }));
    },
    dismissExampleNotice: () => set({ exampleNotice: null }),
    addHooks: (records) => {
      if (records.length === 0) return;
      set((state) => ({
        hooks: { ...state.hooks, ...Object.fromEntries(records.map((hook) => [hook.id, hook])) },
        hookOrder: [...state.hookOrder, ...records.map((hook) => hook.id)],
        selectedHookId: records[0]!.id,
      }));
    },
  };
};
