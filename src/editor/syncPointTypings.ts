import type { javascriptDefaults as JavascriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import { pointTypings } from '../core/pointTypings';
import { actionTypings } from '../core/actions/actionTypings';
import type { AppStore } from '../store/createAppStore';
import { selectPointId, selectSecretRows } from '../store/selectors';

/** One extra lib for the selected hook, replaced in place (same URI) when it changes. */
export const POINT_TYPINGS_URI = 'file:///typings/point.d.ts';
/** Its Action's: the trigger's event and api, beside the hook's (their names do not clash). */
export const ACTION_TYPINGS_URI = 'file:///typings/action.d.ts';

type LanguageDefaults = typeof JavascriptDefaults;

/**
 * Keeps the code editor's declarations those of the selected hook: its point's parameters,
 * answer and error classes, its Action's event and api, and its secret names as typed so far. The TypeScript worker
 * re-reads an extra lib only when its text changed, so equal text costs nothing.
 */
export function syncPointTypings(defaults: LanguageDefaults, store: AppStore): () => void {
  let applied = '';
  let libs: { dispose(): void }[] = [];
  const apply = () => {
    const state = store.getState();
    const names = selectSecretRows(state).map((row) => row.name.trim());
    const key = JSON.stringify([selectPointId(state), names]);
    if (key === applied) return;
    applied = key;
    // Same URI: the new text replaces the old (whose disposable then does nothing).
    const pointId = selectPointId(state);
    libs = [
      defaults.addExtraLib(pointTypings(pointId, names), POINT_TYPINGS_URI),
      defaults.addExtraLib(actionTypings(pointId, names), ACTION_TYPINGS_URI),
    ];
  };
  apply();
  const unsubscribe = store.subscribe(apply);
  return () => {
    unsubscribe();
    for (const lib of libs) lib.dispose();
  };
}
