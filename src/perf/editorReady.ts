export const EDITOR_READY_MEASURE = 'hookpad:editor-ready';

/** Measures from navigation start (time origin 0) to now, the first time only. */
export function measureEditorReady(): void {
  if (performance.getEntriesByName(EDITOR_READY_MEASURE, 'measure').length > 0) return;
  performance.measure(EDITOR_READY_MEASURE, { start: 0, end: performance.now() });
}
