/** User Timing names the bench reads with performance.getEntriesByName(). */
export const RUN_MEASURE = 'hookpad:run';
const RUN_START_MARK = 'hookpad:run-start';

/** Marks the moment the Run action starts; the previous unfinished mark is replaced. */
export function markRunStart(): void {
  performance.clearMarks(RUN_START_MARK);
  performance.mark(RUN_START_MARK);
}

/** Measures from the run's start mark to now, once per mark. */
export function measureRunRendered(): void {
  if (performance.getEntriesByName(RUN_START_MARK, 'mark').length === 0) return;
  performance.measure(RUN_MEASURE, RUN_START_MARK);
  performance.clearMarks(RUN_START_MARK);
}
