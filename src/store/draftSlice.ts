import type { StateCreator } from 'zustand';
import { getPoint } from '../core/points';
import { MAX_SECRETS } from '../core/inputLimits';
import type { StorageState } from '../core/schemas';
import { newHttpMock, type HttpMockPatch, type ModuleMockPatch } from '../workspace/draft/network';
import {
  addAutoMockEdit,
  addAutoMockResultEdit,
  findAutoMockResult,
  removeAutoMockResultEdit,
  updateAutoMockResultEdit,
  addHttpMockEdit,
  addModuleMockEdit,
  findHttpMockFor,
  httpMockFor,
  moveHttpMockEdit,
  removeAutoMockEdit,
  removeHttpMockEdit,
  removeModuleMockEdit,
  renameAutoMockEdit,
  setAllowNetworkEdit,
  updateHttpMockEdit,
  updateModuleMockEdit,
  type NetworkEdit,
  type RequestToMock,
} from '../workspace/draft/networkEdits';
import { newSecretId, patchSecretRow, type SecretRowPatch } from '../workspace/draft/secrets';
import type { HookDraft } from '../workspace/hookRecord';
import { starterHookDraft } from '../workspace/newHook';
import type { AppState } from './appState';
import { changeHook, type HookChange } from './hookList';

/** What the user edits and runs for one hook. */
export type Draft = HookDraft;

export const EMPTY_STORAGE: StorageState = {};

/** Edits of one hook's draft (and its webtask storage), addressed by hook id. */
export interface DraftSlice {
  setCode(id: string, code: string): void;
  setPayloadText(id: string, payloadText: string): void;
  /** Back to the point's starter code / default payload (undoable in the editor). */
  resetCode(id: string): void;
  resetPayload(id: string): void;

  /** Adds an empty secret row and returns its id. */
  addSecret(id: string): string;
  setSecretName(id: string, rowId: string, name: string): void;
  setSecretValue(id: string, rowId: string, value: string): void;
  removeSecret(id: string, rowId: string): void;

  setStorage(id: string, storage: StorageState): void;
  clearStorage(id: string): void;

  /** Appends an HTTP mock (ANY, empty pattern, 200, no body) and returns its id. */
  addHttpMock(id: string): string;
  /**
   * Appends a mock answering exactly this request (its method and URL, 200) unless one with
   * that method and URL exists; returns the mock's id either way, null without the hook.
   */
  addHttpMockFor(id: string, request: RequestToMock): string | null;
  updateHttpMock(id: string, mockId: string, patch: HttpMockPatch): void;
  removeHttpMock(id: string, mockId: string): void;
  /** Moves a mock `delta` places (negative: up); the first matching mock answers. */
  moveHttpMock(id: string, mockId: string, delta: number): void;
  setAllowNetwork(id: string, on: boolean): void;
  /** Adds a module mock (or keeps the one of that name); returns its row, -1 without the hook. */
  addModuleMock(id: string, name: string): number;
  updateModuleMock(id: string, index: number, patch: ModuleMockPatch): void;
  removeModuleMock(id: string, index: number): void;
  addAutoMock(id: string, name: string): void;
  removeAutoMock(id: string, name: string): void;
  renameAutoMock(id: string, from: string, to: string): void;
  /**
   * Adds an auto-mock result rule answering `{}` for `path` ('' for an empty row), or finds
   * the rule already there for that path; returns its row, -1 without the hook or when the
   * hook has MAX_AUTO_MOCK_RESULTS rules already.
   */
  addAutoMockResult(id: string, path: string): number;
  updateAutoMockResult(
    id: string,
    index: number,
    patch: Partial<{ path: string; resultText: string }>,
  ): void;
  removeAutoMockResult(id: string, index: number): void;
  setDependencies(id: string, dependencies: Record<string, string>): void;
}

export const createDraftSlice: StateCreator<AppState, [], [], DraftSlice> = (set, get) => {
  const updateHook = (id: string, change: HookChange) =>
    set((state) => changeHook(state, id, change));

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

  return {
    setCode: (id, code) => updateDraft(id, { code }),
    setPayloadText: (id, payloadText) => updateDraft(id, { payloadText }),
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

    addSecret: (id) => {
      const rowId = newSecretId();
      // Past MAX_SECRETS the record would be refused; the Secrets section says so.
      updateHook(id, (hook) =>
        hook.draft.secrets.length >= MAX_SECRETS
          ? undefined
          : {
              ...hook,
              draft: {
                ...hook.draft,
                secrets: [...hook.draft.secrets, { id: rowId, name: '', value: '' }],
              },
            },
      );
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
    addHttpMockFor: (id, request) => {
      const network = get().hooks[id]?.draft.network;
      if (network === undefined) return null;
      const existing = findHttpMockFor(network, request);
      if (existing !== undefined) return existing.id;
      const mock = httpMockFor(request);
      updateNetwork(id, addHttpMockEdit(mock));
      return mock.id;
    },
    updateHttpMock: (id, mockId, patch) => updateNetwork(id, updateHttpMockEdit(mockId, patch)),
    removeHttpMock: (id, mockId) => updateNetwork(id, removeHttpMockEdit(mockId)),
    moveHttpMock: (id, mockId, delta) => updateNetwork(id, moveHttpMockEdit(mockId, delta)),
    setAllowNetwork: (id, on) => updateNetwork(id, setAllowNetworkEdit(on)),
    addModuleMock: (id, name) => {
      updateNetwork(id, addModuleMockEdit(name));
      const mocks = get().hooks[id]?.draft.network.moduleMocks ?? [];
      return mocks.findIndex((mock) => mock.name === name);
    },
    updateModuleMock: (id, index, patch) => updateNetwork(id, updateModuleMockEdit(index, patch)),
    removeModuleMock: (id, index) => updateNetwork(id, removeModuleMockEdit(index)),
    addAutoMock: (id, name) => updateNetwork(id, addAutoMockEdit(name)),
    removeAutoMock: (id, name) => updateNetwork(id, removeAutoMockEdit(name)),
    renameAutoMock: (id, from, to) => updateNetwork(id, renameAutoMockEdit(from, to)),
    addAutoMockResult: (id, path) => {
      const network = get().hooks[id]?.draft.network;
      if (network === undefined) return -1;
      const existing = path === '' ? -1 : findAutoMockResult(network, path);
      if (existing >= 0) return existing;
      const before = network.autoMockResults?.length ?? 0;
      updateNetwork(id, addAutoMockResultEdit(path));
      const after = get().hooks[id]?.draft.network.autoMockResults?.length ?? 0;
      return after > before ? after - 1 : -1;
    },
    updateAutoMockResult: (id, index, patch) =>
      updateNetwork(id, updateAutoMockResultEdit(index, patch)),
    removeAutoMockResult: (id, index) => updateNetwork(id, removeAutoMockResultEdit(index)),
    setDependencies: (id, dependencies) => updateDraft(id, { dependencies }),
  };
};
