import type { StateCreator } from 'zustand';
import { points } from '../core/points';
import { DEFAULT_TIMEOUT_MS, TimeoutMsSchema, type JsonValue, type PointId } from '../core/schemas';
import type { AppState } from './appState';

/** What the user edits for one point. The payload is text: invalid JSON is a legitimate state. */
export interface Draft {
  code: string;
  payloadText: string;
}

/** The state a share link opens (already decoded and validated). */
export interface SharedWork {
  point: PointId;
  code: string;
  payload: JsonValue;
  timeoutMs?: number;
}

export const MIN_CODE_PANE = 0.2;
export const MAX_CODE_PANE = 0.8;
export const DEFAULT_CODE_PANE = 0.55;

export interface WorkspaceSlice {
  pointId: PointId;
  drafts: Record<PointId, Draft>;
  /** The last valid timeout; what runs use and what is persisted. */
  timeoutMs: number;
  /** The timeout field's text while it is not a valid timeout, otherwise null. */
  timeoutInput: string | null;
  /** Share of the width the code pane takes on wide screens. */
  codePaneFraction: number;

  selectPoint(id: PointId): void;
  setCode(id: PointId, code: string): void;
  setPayloadText(id: PointId, payloadText: string): void;
  setTimeoutInput(text: string): void;
  setCodePaneFraction(fraction: number): void;
  /** Back to the point's starter code / default payload (undoable in the editor). */
  resetCode(id: PointId): void;
  resetPayload(id: PointId): void;
  openSharedWork(work: SharedWork): void;
}

export const formatPayload = (payload: JsonValue): string => JSON.stringify(payload, null, 2);

export function starterDraft(id: PointId): Draft {
  const point = points.find((candidate) => candidate.id === id);
  if (!point) throw new Error(`Unknown extensibility point: ${id}`);
  return { code: point.starterCode, payloadText: formatPayload(point.defaultPayload) };
}

export function starterDrafts(): Record<PointId, Draft> {
  return Object.fromEntries(points.map((point) => [point.id, starterDraft(point.id)])) as Record<
    PointId,
    Draft
  >;
}

export const clampCodePane = (fraction: number): number =>
  Number.isFinite(fraction)
    ? Math.min(MAX_CODE_PANE, Math.max(MIN_CODE_PANE, fraction))
    : DEFAULT_CODE_PANE;

export const createWorkspaceSlice: StateCreator<AppState, [], [], WorkspaceSlice> = (set) => {
  const updateDraft = (id: PointId, patch: Partial<Draft>) =>
    set((state) => {
      const draft = state.drafts[id];
      const unchanged = Object.entries(patch).every(
        ([key, value]) => draft[key as keyof Draft] === value,
      );
      // Returning the same state keeps subscribers (and the Monaco model sync) quiet.
      return unchanged ? state : { drafts: { ...state.drafts, [id]: { ...draft, ...patch } } };
    });

  return {
    pointId: points[0]?.id ?? 'credentials-exchange',
    drafts: starterDrafts(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    timeoutInput: null,
    codePaneFraction: DEFAULT_CODE_PANE,

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
          [work.point]: { code: work.code, payloadText: formatPayload(work.payload) },
        },
        ...(work.timeoutMs === undefined ? {} : { timeoutMs: work.timeoutMs, timeoutInput: null }),
      })),
  };
};
