import type { StateCreator } from 'zustand';
import { portReplacesActionDraft, withPortedAction } from '../workspace/action/portedHook';
import type { AppState } from './appState';
import { changeHook } from './hookList';

/** What "Port to Action" did to the selected hook. */
export type PortOutcome =
  | { status: 'ported'; keptDraftAsVersion: boolean }
  /** The hook's Action draft differs from what the port makes: ask before replacing it. */
  | { status: 'needs-confirmation' }
  | { status: 'no-hook' };

/** The selected hook's Action draft: made by the port, then edited like the hook's code. */
export interface ActionSlice {
  /**
   * Ports the selected hook's code to its Action draft and shows the Action tab. An Action
   * draft that differs from the port's result is replaced only with `replace`.
   */
  portToAction(options?: { replace?: boolean }): Promise<PortOutcome>;
  setActionCode(id: string, code: string): void;
  setActionDependencies(id: string, dependencies: Record<string, string>): void;
}

export const createActionSlice: StateCreator<AppState, [], [], ActionSlice> = (set, get) => {
  const updateAction = (
    id: string,
    patch: { code: string } | { dependencies: Record<string, string> },
  ) =>
    set((state) =>
      changeHook(state, id, (hook) => {
        const { action } = hook.draft;
        if (!action) return undefined;
        const unchanged = Object.entries(patch).every(
          ([key, value]) => action[key as keyof typeof patch] === value,
        );
        return unchanged
          ? undefined
          : { ...hook, draft: { ...hook.draft, action: { ...action, ...patch } } };
      }),
    );

  return {
    portToAction: async ({ replace = false } = {}) => {
      // The port (acorn and its rules) loads on first use.
      const { portHookToAction } = await import('../core/port/portHookToAction');
      const hook = get().hooks[get().selectedHookId];
      if (!hook) return { status: 'no-hook' };
      const result = portHookToAction(hook.draft.code, hook.pointId, hook.draft.dependencies);
      if (!replace && portReplacesActionDraft(hook, result))
        return { status: 'needs-confirmation' };
      // The same Action again: nothing to store, only the tab to show.
      if (hook.draft.action && !portReplacesActionDraft(hook, result)) {
        set({ codeTab: 'action' });
        return { status: 'ported', keptDraftAsVersion: false };
      }
      const ported = withPortedAction(hook, result);
      set((state) => ({ ...changeHook(state, hook.id, () => ported.hook), codeTab: 'action' }));
      return { status: 'ported', keptDraftAsVersion: ported.keptDraftAsVersion };
    },
    setActionCode: (id, code) => updateAction(id, { code }),
    setActionDependencies: (id, dependencies) => updateAction(id, { dependencies }),
  };
};
