import type { StateCreator } from 'zustand';
import { DEFAULT_TIMEOUT_MS, TimeoutMsSchema } from '../core/schemas';
import type { RunKind } from '../core/actions/actionSchemas';
import { clampCodePane, DEFAULT_CODE_PANE } from '../workspace/codePane';
import type { AppState } from './appState';

/** The notice after loading an example; Undo removes the hook it created. */
export interface ExampleNotice {
  title: string;
  expected: string;
  hookId: string;
  previousHookId: string;
  previousTimeout: { timeoutMs: number; timeoutInput: string | null };
}

/** This tab's view of the workspace: timeout, layout, what is revealed, shown or compared. */
export interface SessionSlice {
  /** The last valid timeout; what runs use and what is persisted. */
  timeoutMs: number;
  /** The timeout field's text while it is not a valid timeout, otherwise null. */
  timeoutInput: string | null;
  /** Share of the width the code pane takes on wide screens. */
  codePaneFraction: number;
  /** Secret rows (by id) whose value field shows the value in clear (the field only). */
  revealedSecretIds: ReadonlySet<string>;
  /** Whether the outputs show secret values instead of their placeholders (every view). */
  secretValuesShown: boolean;
  exampleNotice: ExampleNotice | null;
  /** The version the code pane compares with the draft (Monaco's diff editor), if any. */
  comparing: { hookId: string; versionId: string } | null;
  /**
   * What the code pane shows, and so what Run runs: the hook's code or its Action. Selecting
   * a hook without an Action shows its code (see keepCodeTabFitting).
   */
  codeTab: RunKind;

  setTimeoutInput(text: string): void;
  setCodePaneFraction(fraction: number): void;
  toggleSecretReveal(rowId: string): void;
  setSecretValuesShown(shown: boolean): void;
  dismissExampleNotice(): void;
  closeCompare(): void;
  setCodeTab(tab: RunKind): void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  timeoutMs: DEFAULT_TIMEOUT_MS,
  timeoutInput: null,
  codePaneFraction: DEFAULT_CODE_PANE,
  revealedSecretIds: new Set(),
  secretValuesShown: false,
  exampleNotice: null,
  comparing: null,
  codeTab: 'hook',

  setTimeoutInput: (text) => {
    const parsed = TimeoutMsSchema.safeParse(text.trim() === '' ? NaN : Number(text));
    set(parsed.success ? { timeoutMs: parsed.data, timeoutInput: null } : { timeoutInput: text });
  },
  setCodePaneFraction: (fraction) => set({ codePaneFraction: clampCodePane(fraction) }),
  toggleSecretReveal: (rowId) =>
    set((state) => {
      const next = new Set(state.revealedSecretIds);
      if (!next.delete(rowId)) next.add(rowId);
      return { revealedSecretIds: next };
    }),
  setSecretValuesShown: (shown) => set({ secretValuesShown: shown }),
  dismissExampleNotice: () => set({ exampleNotice: null }),
  closeCompare: () => set({ comparing: null }),
  setCodeTab: (tab) => set({ codeTab: tab }),
});

/**
 * Another hook selected while the Action tab shows: its Action if it has one, else its code
 * (an empty Action tab would hide the code the user came to see).
 */
export function keepCodeTabFitting(store: {
  subscribe(listener: (state: AppState, previous: AppState) => void): unknown;
  setState(patch: Partial<AppState>): void;
}): void {
  store.subscribe((state, previous) => {
    if (
      state.codeTab === 'action' &&
      state.selectedHookId !== previous.selectedHookId &&
      !state.hooks[state.selectedHookId]?.draft.action
    ) {
      store.setState({ codeTab: 'hook' });
    }
  });
}
