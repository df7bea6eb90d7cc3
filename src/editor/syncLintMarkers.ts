import type * as Monaco from 'monaco-editor/editor/editor.api';
import { lintHook } from '../core/lint/lintHook';
import { points } from '../core/points';
import type { PointId } from '../core/schemas';
import { hookModelUri } from './modelUris';

type MonacoApi = typeof Monaco;

/** Separate from the run's markers ('hookpad-run'), so each side replaces only its own. */
export const LINT_OWNER = 'hookpad-lint';
/** Lint after this much quiet typing. */
export const LINT_DELAY_MS = 300;

/**
 * Keeps every hook model's lint hints as warning markers (yellow squiggles): once when the
 * models exist, then after each pause in typing. Must run after the models are created.
 */
export function syncLintMarkers(monaco: MonacoApi): void {
  for (const point of points) {
    const model = monaco.editor.getModel(monaco.Uri.parse(hookModelUri(point.id)));
    if (!model) continue;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const lint = () => {
      timer = null;
      if (model.isDisposed()) return;
      monaco.editor.setModelMarkers(model, LINT_OWNER, markersFor(monaco, model, point.id));
    };
    lint();
    model.onDidChangeContent(() => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(lint, LINT_DELAY_MS);
    });
    model.onWillDispose(() => {
      if (timer !== null) clearTimeout(timer);
    });
  }
}

function markersFor(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  pointId: PointId,
): Monaco.editor.IMarkerData[] {
  let hints;
  try {
    hints = lintHook(model.getValue(), pointId);
  } catch (error) {
    // A linter bug must not break editing; the hints are only advice.
    console.warn('Hookpad lint failed:', error);
    return [];
  }
  return hints.map((hint) => {
    const range = model.validateRange({
      startLineNumber: hint.line,
      startColumn: hint.column,
      endLineNumber: hint.endLine,
      endColumn: hint.endColumn,
    });
    return {
      severity: monaco.MarkerSeverity.Warning,
      message: hint.message,
      source: 'Hookpad lint',
      startLineNumber: range.startLineNumber,
      startColumn: range.startColumn,
      endLineNumber: range.endLineNumber,
      endColumn: range.endColumn,
    };
  });
}
