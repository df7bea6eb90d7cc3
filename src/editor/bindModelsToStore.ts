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

/**
 * Creates every point's models up front and keeps them and the store's drafts equal in
 * both directions. Typing flows model → store; a change made elsewhere (a share link, a
 * reset) flows store → model as an undoable edit, so Ctrl+Z brings the old text back.
 * The editors then only switch models by path; they never own text.
 */
export function bindModelsToStore(monaco: MonacoApi, store: AppStore): void {
  for (const point of points) {
    for (const field of FIELDS) {
      const uri = monaco.Uri.parse(field.uri(point.id));
      const model =
        monaco.editor.getModel(uri) ??
        monaco.editor.createModel(
          store.getState().drafts[point.id][field.key],
          field.language,
          uri,
        );
      model.onDidChangeContent(() => field.write(store, point.id, model.getValue()));
    }
  }

  store.subscribe((state, previous) => {
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
}
