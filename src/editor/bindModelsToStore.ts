import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { HookRecord } from '../workspace/hookRecord';
import type { AppStore } from '../store/createAppStore';
import { actionModelUri, hookModelUri, payloadModelUri } from './modelUris';

type MonacoApi = typeof Monaco;

interface DraftField {
  key: 'code' | 'payloadText' | 'action';
  language: string;
  /** The field's text; undefined while the hook has none (no Action yet). */
  read(hook: HookRecord): string | undefined;
  uri(hook: HookRecord): string;
  write(store: AppStore, hookId: string, value: string): void;
}

const FIELDS: DraftField[] = [
  {
    key: 'code',
    language: 'javascript',
    read: (hook) => hook.draft.code,
    uri: (hook) => hookModelUri(hook.id),
    write: (store, id, value) => store.getState().setCode(id, value),
  },
  {
    key: 'payloadText',
    language: 'json',
    read: (hook) => hook.draft.payloadText,
    uri: (hook) => payloadModelUri(hook.id, hook.pointId),
    write: (store, id, value) => store.getState().setPayloadText(id, value),
  },
  {
    key: 'action',
    language: 'javascript',
    read: (hook) => hook.draft.action?.code,
    uri: (hook) => actionModelUri(hook.id),
    write: (store, id, value) => store.getState().setActionCode(id, value),
  },
];

export interface BoundModels {
  /** Creates the hook's model for the field (with the store's text) if it does not exist yet. */
  ensure(hookId: string, key: DraftField['key']): void;
}

/** Replaces the model's text as one undoable edit, so Ctrl+Z brings the old text back. */
function replaceText(model: Monaco.editor.ITextModel, text: string): void {
  if (model.getValue() === text) return;
  model.pushStackElement();
  model.pushEditOperations(null, [{ range: model.getFullModelRange(), text }], () => null);
  model.pushStackElement();
}

/**
 * Keeps the hooks' models and the store's drafts equal in both directions. Typing flows
 * model → store; a change made elsewhere (another tab, a restored version, a share link)
 * flows store → model as an undoable edit. The editors only switch models by path; they
 * never own text.
 *
 * A model is created from the store's text when first needed: the selected hook's code
 * model at once, its payload model when the payload editor mounts, and a newly selected
 * hook's models before the editors render it, so start-up pays for one model (two when the
 * hook has an Action).
 */
export function bindModelsToStore(monaco: MonacoApi, store: AppStore): BoundModels {
  const bound = new Set<string>();
  function ensure(hookId: string, key: DraftField['key']): void {
    const hook = store.getState().hooks[hookId];
    const field = FIELDS.find((f) => f.key === key);
    const text = hook && field?.read(hook);
    if (!hook || !field || text === undefined) return;
    const id = field.uri(hook);
    const uri = monaco.Uri.parse(id);
    const existing = monaco.editor.getModel(uri);
    // A model left from before (the hook was on this point earlier) catches up.
    if (existing) replaceText(existing, text);
    if (bound.has(id)) return;
    bound.add(id);
    const model = existing ?? monaco.editor.createModel(text, field.language, uri);
    model.onDidChangeContent(() => {
      // Only the model that is the hook's current one writes (a payload model of the
      // hook's former point is left alone).
      const current = store.getState().hooks[hookId];
      if (current && field.uri(current) === id) field.write(store, hookId, model.getValue());
    });
  }
  const ensureHook = (hookId: string) => {
    for (const field of FIELDS) ensure(hookId, field.key);
  };

  // The selected hook may already have an Action (a reload, a link opened before Monaco
  // loaded): its model must exist before the Action tab switches the editor to it, or the
  // editor would make an empty one.
  ensure(store.getState().selectedHookId, 'code');
  ensure(store.getState().selectedHookId, 'action');

  store.subscribe((state, previous) => {
    const selected = state.hooks[state.selectedHookId];
    // Listeners run before React renders the new hook, so its editors find the models.
    if (
      selected &&
      (state.selectedHookId !== previous.selectedHookId ||
        selected.pointId !== previous.hooks[state.selectedHookId]?.pointId)
    ) {
      ensureHook(state.selectedHookId);
    }
    if (state.hooks === previous.hooks) return;
    for (const hook of Object.values(state.hooks)) {
      const before = previous.hooks[hook.id];
      if (before && hook.draft === before.draft) continue;
      for (const field of FIELDS) {
        const text = field.read(hook);
        const model = monaco.editor.getModel(monaco.Uri.parse(field.uri(hook)));
        if (model && text !== undefined) replaceText(model, text);
        // A port just made the selected hook's Action: its model, before the editor shows it.
        else if (field.key === 'action' && text !== undefined && hook.id === state.selectedHookId)
          ensure(hook.id, 'action');
      }
    }
  });

  return { ensure };
}
