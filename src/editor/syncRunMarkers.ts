import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { CodeLocation } from '../core/schemas';
import type { AppStore } from '../store/createAppStore';
import type { RunState } from '../workspace/run/runState';
import { runDenial, selectEditedSinceRun } from '../store/selectors';
import type { AppState } from '../store/appState';
import { codeModelUri } from './modelUris';

type MonacoApi = typeof Monaco;

const OWNER = 'hookpad-run';

interface RunMarker {
  location: CodeLocation;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * The places in the code a run points at: its error (a deliberate denial is not one), and the
 * runtime's warnings.
 */
export function runMarkers(run: RunState): RunMarker[] {
  const markers: RunMarker[] = [];
  const outcome = run.outcome;
  if (outcome?.status === 'failed' && outcome.error.location && runDenial(run) === null) {
    markers.push({
      location: outcome.error.location,
      message: `${outcome.error.name}: ${outcome.error.message}`,
      severity: 'error',
    });
  }
  for (const entry of run.logs) {
    if (entry.source === 'runtime' && entry.location) {
      markers.push({ location: entry.location, message: entry.text, severity: 'warning' });
    }
  }
  return markers;
}

/**
 * Mirrors the current run's error and warnings as markers in the code it ran (red and
 * yellow squiggles). A new run starts with no outcome and no logs, which clears them. An
 * edit after the run clears them too: Monaco would carry them along with the edited text,
 * onto code the run never saw.
 */
export function syncRunMarkers(monaco: MonacoApi, store: AppStore): void {
  /** The models (by URI) that show run markers now; only they need clearing. */
  const marked = new Set<string>();
  const apply = (state: AppState) => {
    const { run } = state;
    const current = !selectEditedSinceRun(state);
    // The run's markers belong in the code it ran: the hook's, or its Action's.
    const runUri =
      run.hookId === null ? null : codeModelUri(run.hookId, run.inputs?.kind ?? 'hook');
    const uris = new Set(marked);
    if (runUri !== null) uris.add(runUri);
    for (const uri of uris) {
      const markers = uri === runUri && current ? runMarkers(run) : [];
      // Runs start with no markers: most updates change nothing, and each setModelMarkers
      // would still notify every editor and marker listener.
      if (markers.length === 0 && !marked.has(uri)) continue;
      const model = monaco.editor.getModel(monaco.Uri.parse(uri));
      if (!model) continue;
      if (markers.length > 0) marked.add(uri);
      else marked.delete(uri);
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        markers.map(({ location, message, severity }) => {
          const line = Math.min(location.line, model.getLineCount());
          const column = Math.min(location.column, model.getLineMaxColumn(line));
          const word = model.getWordAtPosition({ lineNumber: line, column });
          return {
            severity:
              severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
            message,
            source: 'Hookpad run',
            startLineNumber: line,
            startColumn: word?.startColumn ?? column,
            endLineNumber: line,
            endColumn: word?.endColumn ?? model.getLineMaxColumn(line),
          };
        }),
      );
    }
  };
  let edited = selectEditedSinceRun(store.getState());
  apply(store.getState());
  store.subscribe((state, previous) => {
    const wasEdited = edited;
    edited = selectEditedSinceRun(state);
    if (
      state.run.outcome !== previous.run.outcome ||
      state.run.logs !== previous.run.logs ||
      edited !== wasEdited
    ) {
      apply(state);
    }
  });
}
