import type { StateCreator } from 'zustand';
import type { HookExample } from '../core/examples';
import { points } from '../core/points';
import {
  DEFAULT_TIMEOUT_MS,
  TimeoutMsSchema,
  type JsonValue,
  type PointId,
  type StorageState,
} from '../core/schemas';
import type { HttpMock, ModuleMock, NetworkSettings } from '../core/networkSchemas';
import type { AppState } from './appState';
import {
  emptyNetwork,
  MODULE_MOCK_STARTER,
  newHttpMock,
  type HttpMockPatch,
  type ModuleMockPatch,
} from './network';
import { newSecretId, secretRowsOf, type SecretRow } from './secrets';

export type { SecretRow } from './secrets';

/** What the user edits for one point. The payload is text: invalid JSON is a legitimate state. */
export interface Draft {
  code: string;
  payloadText: string;
  /** `context.webtask.secrets`, as rows in the order the user added them. */
  secrets: SecretRow[];
  /** HTTP mocks, the network switch, module mocks and auto-mocks of this point's runs. */
  network: NetworkSettings;
}

/** The state a share link opens (already decoded and validated). */
export interface SharedWork {
  point: PointId;
  code: string;
  payload: JsonValue;
  timeoutMs?: number;
  /** Present only when the link was made with "Include secrets"; replaces the point's secrets. */
  secrets?: Record<string, string>;
  /** The link's mocks and modules; absent ones are empty (links omit empty fields). */
  mocks?: HttpMock[];
  modules?: ModuleMock[];
  autoMocks?: string[];
  allowNetwork?: boolean;
}

/** Everything loading an example replaces, so Undo can put it back. */
export interface ExampleUndo {
  /** The point that was selected before the example was loaded. */
  selectedPoint: PointId;
  point: PointId;
  draft: Draft;
  storage: StorageState;
  timeoutMs: number;
  timeoutInput: string | null;
}

/** The notice after loading an example; null when there is none. */
export interface ExampleNotice {
  title: string;
  expected: string;
  undo: ExampleUndo;
}

export const MIN_CODE_PANE = 0.2;
export const MAX_CODE_PANE = 0.8;
export const DEFAULT_CODE_PANE = 0.55;

export interface WorkspaceSlice {
  pointId: PointId;
  drafts: Record<PointId, Draft>;
  /** Each point's hook's webtask storage (one hook per point), kept across runs and reloads. */
  storage: Record<PointId, StorageState>;
  /** The last valid timeout; what runs use and what is persisted. */
  timeoutMs: number;
  /** The timeout field's text while it is not a valid timeout, otherwise null. */
  timeoutInput: string | null;
  /** Share of the width the code pane takes on wide screens. */
  codePaneFraction: number;
  /** Secret rows (by id) whose value is shown in clear, in the field and in the output. */
  revealedSecretIds: ReadonlySet<string>;
  exampleNotice: ExampleNotice | null;

  selectPoint(id: PointId): void;
  setCode(id: PointId, code: string): void;
  setPayloadText(id: PointId, payloadText: string): void;
  setTimeoutInput(text: string): void;
  setCodePaneFraction(fraction: number): void;
  /** Back to the point's starter code / default payload (undoable in the editor). */
  resetCode(id: PointId): void;
  resetPayload(id: PointId): void;
  openSharedWork(work: SharedWork): void;

  /** Adds an empty secret row and returns its id. */
  addSecret(id: PointId): string;
  setSecretName(id: PointId, rowId: string, name: string): void;
  setSecretValue(id: PointId, rowId: string, value: string): void;
  removeSecret(id: PointId, rowId: string): void;
  toggleSecretReveal(rowId: string): void;

  setStorage(id: PointId, storage: StorageState): void;
  clearStorage(id: PointId): void;

  /** Appends an HTTP mock (ANY, empty pattern, 200, no body) and returns its id. */
  addHttpMock(id: PointId): string;
  updateHttpMock(id: PointId, mockId: string, patch: HttpMockPatch): void;
  removeHttpMock(id: PointId, mockId: string): void;
  /** Moves a mock `delta` places (negative: up); the first matching mock answers. */
  moveHttpMock(id: PointId, mockId: string, delta: number): void;
  /** Unmatched requests go out for real when on. */
  setAllowNetwork(id: PointId, on: boolean): void;
  /**
   * Adds a module mock with starter code (a no-op if one with that name exists) and makes
   * the module a code mock (it leaves `autoMocks`).
   */
  addModuleMock(id: PointId, name: string): void;
  updateModuleMock(id: PointId, index: number, patch: ModuleMockPatch): void;
  removeModuleMock(id: PointId, index: number): void;
  /** Answers the module with a recording proxy (a no-op if it already is). */
  addAutoMock(id: PointId, name: string): void;
  removeAutoMock(id: PointId, name: string): void;
  /** Renames an auto-mocked module in place (its row keeps its position). */
  renameAutoMock(id: PointId, from: string, to: string): void;

  /** Switches to the example's point and loads it into that point's draft; never runs it. */
  loadExample(example: HookExample): void;
  /** Puts back what the last loaded example replaced. */
  undoExample(): void;
  dismissExampleNotice(): void;
}

export const formatPayload = (payload: JsonValue): string => JSON.stringify(payload, null, 2);

export function starterDraft(id: PointId): Draft {
  const point = points.find((candidate) => candidate.id === id);
  if (!point) throw new Error(`Unknown extensibility point: ${id}`);
  return {
    code: point.starterCode,
    payloadText: formatPayload(point.defaultPayload),
    secrets: [],
    network: emptyNetwork(),
  };
}

export function starterDrafts(): Record<PointId, Draft> {
  return Object.fromEntries(points.map((point) => [point.id, starterDraft(point.id)])) as Record<
    PointId,
    Draft
  >;
}

export const EMPTY_STORAGE: StorageState = {};

export function emptyStorages(): Record<PointId, StorageState> {
  return Object.fromEntries(points.map((point) => [point.id, EMPTY_STORAGE])) as Record<
    PointId,
    StorageState
  >;
}

export const clampCodePane = (fraction: number): number =>
  Number.isFinite(fraction)
    ? Math.min(MAX_CODE_PANE, Math.max(MIN_CODE_PANE, fraction))
    : DEFAULT_CODE_PANE;

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set, get) => {
  const updateDraft = (id: PointId, patch: Partial<Draft>) =>
    set((state) => {
      const draft = state.drafts[id];
      const unchanged = Object.entries(patch).every(
        ([key, value]) => draft[key as keyof Draft] === value,
      );
      // Returning the same state keeps subscribers (and the Monaco model sync) quiet.
      return unchanged ? state : { drafts: { ...state.drafts, [id]: { ...draft, ...patch } } };
    });

  const updateSecret = (id: PointId, rowId: string, patch: Partial<Omit<SecretRow, 'id'>>) =>
    set((state) => {
      const draft = state.drafts[id];
      const secrets = draft.secrets.map((row) => (row.id === rowId ? { ...row, ...patch } : row));
      return { drafts: { ...state.drafts, [id]: { ...draft, secrets } } };
    });

  const updateNetwork = (
    id: PointId,
    change: (network: NetworkSettings) => NetworkSettings | undefined,
  ) =>
    set((state) => {
      const draft = state.drafts[id];
      const network = change(draft.network);
      // undefined: nothing to change, so subscribers stay quiet.
      if (network === undefined) return state;
      return { drafts: { ...state.drafts, [id]: { ...draft, network } } };
    });

  return {
    pointId: points[0]?.id ?? 'credentials-exchange',
    drafts: starterDrafts(),
    storage: emptyStorages(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    timeoutInput: null,
    codePaneFraction: DEFAULT_CODE_PANE,
    revealedSecretIds: new Set(),
    exampleNotice: null,

    selectPoint: (id) => set({ pointId: id }),
    setCode: (id, code) => updateDraft(id, { code }),
    setPayloadText: (id, payloadText) => updateDraft(id, { payloadText }),
    setTimeoutInput: (text) => {
      const parsed = TimeoutMsSchema.safeParse(text.trim() === '' ? NaN : Number(text));
      set(parsed.success ? { timeoutMs: parsed.data, timeoutInput: null } : { timeoutInput: text });
    },
    setCodePaneFraction: (fraction) => set({ codePaneFraction: clampCodePane(fraction) }),
    resetCode: (id) => updateDraft(id, { code: starterDraft(id).code }),
    resetPayload: (id) => updateDraft(id, { payloadText: starterDraft(id).payloadText }),
    openSharedWork: (work) =>
      set((state) => ({
        pointId: work.point,
        drafts: {
          ...state.drafts,
          [work.point]: {
            code: work.code,
            payloadText: formatPayload(work.payload),
            // A link without secrets keeps the recipient's own secrets for the point.
            secrets:
              work.secrets === undefined
                ? state.drafts[work.point].secrets
                : secretRowsOf(work.secrets),
            network: {
              mocks: work.mocks ?? [],
              allowNetwork: work.allowNetwork ?? false,
              moduleMocks: work.modules ?? [],
              autoMocks: work.autoMocks ?? [],
            },
          },
        },
        ...(work.timeoutMs === undefined ? {} : { timeoutMs: work.timeoutMs, timeoutInput: null }),
      })),

    addSecret: (id) => {
      const rowId = newSecretId();
      updateDraft(id, {
        secrets: [...get().drafts[id].secrets, { id: rowId, name: '', value: '' }],
      });
      return rowId;
    },
    setSecretName: (id, rowId, name) => updateSecret(id, rowId, { name }),
    setSecretValue: (id, rowId, value) => updateSecret(id, rowId, { value }),
    removeSecret: (id, rowId) => {
      updateDraft(id, { secrets: get().drafts[id].secrets.filter((row) => row.id !== rowId) });
      if (get().revealedSecretIds.has(rowId)) get().toggleSecretReveal(rowId);
    },
    toggleSecretReveal: (rowId) =>
      set((state) => {
        const next = new Set(state.revealedSecretIds);
        if (!next.delete(rowId)) next.add(rowId);
        return { revealedSecretIds: next };
      }),

    setStorage: (id, storage) => set((state) => ({ storage: { ...state.storage, [id]: storage } })),
    clearStorage: (id) => set((state) => ({ storage: { ...state.storage, [id]: EMPTY_STORAGE } })),

    addHttpMock: (id) => {
      const mock = newHttpMock();
      updateNetwork(id, (network) => ({ ...network, mocks: [...network.mocks, mock] }));
      return mock.id;
    },
    updateHttpMock: (id, mockId, patch) =>
      updateNetwork(id, (network) => {
        const index = network.mocks.findIndex((mock) => mock.id === mockId);
        if (index < 0) return undefined;
        const mocks = [...network.mocks];
        const { id: _ignored, ...changes } = patch as HttpMockPatch & { id?: string };
        mocks[index] = { ...mocks[index]!, ...changes };
        return { ...network, mocks };
      }),
    removeHttpMock: (id, mockId) =>
      updateNetwork(id, (network) =>
        network.mocks.some((mock) => mock.id === mockId)
          ? { ...network, mocks: network.mocks.filter((mock) => mock.id !== mockId) }
          : undefined,
      ),
    moveHttpMock: (id, mockId, delta) =>
      updateNetwork(id, (network) => {
        const from = network.mocks.findIndex((mock) => mock.id === mockId);
        if (from < 0 || !Number.isInteger(delta)) return undefined;
        const to = Math.min(network.mocks.length - 1, Math.max(0, from + delta));
        if (to === from) return undefined;
        const mocks = [...network.mocks];
        const [moved] = mocks.splice(from, 1);
        mocks.splice(to, 0, moved!);
        return { ...network, mocks };
      }),
    setAllowNetwork: (id, on) =>
      updateNetwork(id, (network) =>
        network.allowNetwork === on ? undefined : { ...network, allowNetwork: on },
      ),
    addModuleMock: (id, name) =>
      updateNetwork(id, (network) => {
        if (network.moduleMocks.some((mock) => mock.name === name)) return undefined;
        return {
          ...network,
          moduleMocks: [...network.moduleMocks, { name, code: MODULE_MOCK_STARTER }],
          autoMocks: network.autoMocks.filter((auto) => auto !== name),
        };
      }),
    updateModuleMock: (id, index, patch) =>
      updateNetwork(id, (network) => {
        const current = network.moduleMocks[index];
        if (current === undefined) return undefined;
        const next = { ...current, ...patch };
        if (next.name === current.name && next.code === current.code) return undefined;
        const moduleMocks = [...network.moduleMocks];
        moduleMocks[index] = next;
        // A renamed module mock takes its auto-mock switch with it.
        const autoMocks =
          next.name !== current.name && network.autoMocks.includes(current.name)
            ? network.autoMocks.map((auto) => (auto === current.name ? next.name : auto))
            : network.autoMocks;
        return { ...network, moduleMocks, autoMocks };
      }),
    removeModuleMock: (id, index) =>
      updateNetwork(id, (network) => {
        const removed = network.moduleMocks[index];
        if (removed === undefined) return undefined;
        return {
          ...network,
          moduleMocks: network.moduleMocks.filter((_, at) => at !== index),
          // Removing the row removes the module, auto-mocked or not.
          autoMocks: network.autoMocks.filter((auto) => auto !== removed.name),
        };
      }),
    addAutoMock: (id, name) =>
      updateNetwork(id, (network) =>
        network.autoMocks.includes(name)
          ? undefined
          : { ...network, autoMocks: [...network.autoMocks, name] },
      ),
    removeAutoMock: (id, name) =>
      updateNetwork(id, (network) =>
        network.autoMocks.includes(name)
          ? { ...network, autoMocks: network.autoMocks.filter((auto) => auto !== name) }
          : undefined,
      ),
    renameAutoMock: (id, from, to) =>
      updateNetwork(id, (network) =>
        from === to || !network.autoMocks.includes(from)
          ? undefined
          : { ...network, autoMocks: network.autoMocks.map((auto) => (auto === from ? to : auto)) },
      ),

    loadExample: (example) =>
      set((state) => {
        const point = example.point;
        const undo: ExampleUndo = {
          selectedPoint: state.pointId,
          point,
          draft: state.drafts[point],
          storage: state.storage[point],
          timeoutMs: state.timeoutMs,
          timeoutInput: state.timeoutInput,
        };
        return {
          pointId: point,
          drafts: {
            ...state.drafts,
            [point]: {
              code: example.code,
              payloadText:
                example.payload === undefined
                  ? starterDraft(point).payloadText
                  : formatPayload(example.payload),
              secrets: secretRowsOf(example.secrets),
              network: emptyNetwork(),
            },
          },
          storage: { ...state.storage, [point]: example.storage ?? EMPTY_STORAGE },
          timeoutMs: example.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          timeoutInput: null,
          exampleNotice: { title: example.title, expected: example.expected, undo },
        };
      }),
    undoExample: () =>
      set((state) => {
        const undo = state.exampleNotice?.undo;
        if (!undo) return state;
        return {
          pointId: undo.selectedPoint,
          drafts: { ...state.drafts, [undo.point]: undo.draft },
          storage: { ...state.storage, [undo.point]: undo.storage },
          timeoutMs: undo.timeoutMs,
          timeoutInput: undo.timeoutInput,
          exampleNotice: null,
        };
      }),
    dismissExampleNotice: () => set({ exampleNotice: null }),
  };
};
