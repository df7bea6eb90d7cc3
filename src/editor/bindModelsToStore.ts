import type * as Monaco from 'monaco-editor/editor/editor.api';
import { points } from '../core/points';
import type { PointId } from '../core/schemas';
import type { AppStore } from '../store/createAppStore';
import { hookModelUri, payloadModelUri } from './modelUris';

type MonacoApi = typeof Monaco;

interface DraftField {
  key: 'code' | 'payloadText';
  language: string;
  uri(pointId: PointId): string;
  write(store: AppStore, pointId: PointId, value: string): void;
}

const FIELDS: DraftField[] = [
  {
    key: 'code',
    language: 'javascript',
    uri: hookModelUri,
    write: (store, id, value) => store.getState().setCode(id, value),
  },
  {
    key: 'payloadText',
    language: 'json',
    uri: payloadModelUri,
    write: (store, id, value) => store.getState().setPayloadText(id, value),
  },
];

export interface BoundModels {
  /** Creates the point's model for the field (with the store's text) if it does not exist yet. */
  ensure(pointId: PointId, key: DraftField['key']): void;
  /** Creates every point's models. */
  ensureAll(): void;
}

/**
 * Keeps every point's models and the store's drafts equal in both directions. Typing flows
 * model → store; a change made elsewhere (a share link, a reset) flows store → model as an
 * undoable edit, so Ctrl+Z brings the old text back. The editors then only switch models by
 * path; they never own text.
 *
 * A model is created from the store's text when first needed: the selected point's hook
 * model at once, a newly selected point's models before the editors render it, the rest
 * when the caller says (`ensureAll`), so start-up pays for one model instead of ten.
 */
export function bindModelsToStore(monaco: MonacoApi, store: AppStore): BoundModels {
  const bound = new Set<string>();
  function ensure(pointId: PointId, key: DraftField['key']): void {
    const field = FIELDS.find((f) => f.key === key);
    const id = field?.uri(pointId);
    if (!field || !id || bound.has(id)) return;
    bound.add(id);
    const uri = monaco.Uri.parse(id);
    const model =
      monaco.editor.getModel(uri) ??
      monaco.editor.createModel(store.getState().drafts[pointId][field.key], field.language, uri);
    model.onDidChangeContent(() => field.write(store, pointId, model.getValue()));
  }
  const ensurePoint = (pointId: PointId) => {
    for (const field of FIELDS) ensure(pointId, field.key);
  };

  ensure(store.getState().pointId, 'code');

  store.subscribe((state, previous) => {
    // Listeners run before React renders the new point, so its editors find the models.
    if (state.pointId !== previous.pointId) ensurePoint(state.pointId);
    if (state.drafts === previous.drafts) return;
    for (const point of points) {
      const draft = state.drafts[point.id];
      if (draft === previous.drafts[point.id]) continue;
      for (const field of FIELDS) {
        const model = monaco.editor.getModel(monaco.Uri.parse(field.uri(point.id)));
        const text = draft[field.key];
        if (!model || model.getValue() === text) continue;
        model.pushStackElement();
        model.pushEditOperations(null, [{ range: model.getFullModelRange(), text }], () => null);
        model.pushStackElement();
      }
    }
  });

  return {
    ensure,
    ensureAll: () => {
      for (const point of points) ensurePoint(point.id);
    },
  };
}
