import type * as Monaco from 'monaco-editor/editor/editor.api';
import { payloadTypeWarnings } from '../core/payloadTypeWarnings';
import { points } from '../core/points';
import type { PointId } from '../core/schemas';

type MonacoApi = typeof Monaco;

/** Beside the JSON service's own markers (errors: what the platform refuses). */
export const PAYLOAD_TYPES_OWNER = 'hookpad-payload-types';
const DELAY_MS = 300;

function pointOfPayloadModel(uri: string): PointId | undefined {
  const match = /^file:\/\/\/payloads\/([^/]+)\//.exec(uri);
  return points.find((point) => point.id === match?.[1])?.id;
}

/**
 * Keeps every payload model's type warnings (yellow squiggles) up to date: values of
 * documented fields that the platform accepts though they have another type.
 */
export function syncPayloadWarnings(monaco: MonacoApi): void {
  const watch = (model: Monaco.editor.ITextModel) => {
    const pointId = pointOfPayloadModel(model.uri.toString());
    if (!pointId) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      if (model.isDisposed()) return;
      const text = model.getValue();
      const markers = payloadTypeWarnings(pointId, text).map((warning) => {
        const start = model.getPositionAt(warning.start);
        const end = model.getPositionAt(warning.end);
        return {
          severity: monaco.MarkerSeverity.Warning,
          message: warning.message,
          source: 'Hookpad',
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      });
      monaco.editor.setModelMarkers(model, PAYLOAD_TYPES_OWNER, markers);
    };
    check();
    model.onDidChangeContent(() => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(check, DELAY_MS);
    });
    model.onWillDispose(() => {
      if (timer !== null) clearTimeout(timer);
    });
  };
  for (const model of monaco.editor.getModels()) watch(model);
  monaco.editor.onDidCreateModel(watch);
}
