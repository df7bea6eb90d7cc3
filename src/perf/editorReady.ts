export const EDITOR_READY_MEASURE = 'hookpad:editor-ready';

/**
 * If the hook editor neither mounts nor fails (see editorUnavailable), deferred work starts
 * anyway this long after the page's start, so nothing waits for it forever. It is long: on a
 * loaded machine the editor can take more than 10 s, and starting the sandbox, the language
 * workers and lint then would only slow it down further.
 */
export const STARTUP_FALLBACK_MS = 30_000;
/** How long deferred work waits for an idle moment after the editor is ready, at most. */
const IDLE_TIMEOUT_MS = 1_000;

let markReady: () => void = () => undefined;
const editorReady = new Promise<void>((resolve) => (markReady = resolve));

/** Measures from navigation start (time origin 0) to now, the first time only. */
export function measureEditorReady(): void {
  markReady();
  if (performance.getEntriesByName(EDITOR_READY_MEASURE, 'measure').length > 0) return;
  performance.measure(EDITOR_READY_MEASURE, { start: 0, end: performance.now() });
}

/** The editor could not load (EditorBoundary caught it): deferred work need not wait. */
export function editorUnavailable(): void {
  markReady();
}

let editorReadyOrLate: Promise<void> | undefined;

/** Resolves when the hook editor is mounted (or, if it never mounts, after the fallback). */
export function whenEditorReady(): Promise<void> {
  return (editorReadyOrLate ??= Promise.race([
    editorReady,
    new Promise<void>((resolve) =>
      setTimeout(resolve, Math.max(0, STARTUP_FALLBACK_MS - performance.now())),
    ),
  ]));
}

let startupDone: Promise<void> | undefined;

/**
 * Resolves once the hook editor is mounted and the page then had an idle moment: when work
 * that nobody needs before the editor (the sandbox, language workers, lint) may start
 * without competing with Monaco's start-up for the CPU and the network.
 */
export function afterStartup(): Promise<void> {
  return (startupDone ??= whenEditorReady().then(
    () =>
      new Promise<void>((resolve) => {
        if (typeof requestIdleCallback === 'function') {
          requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
        } else {
          setTimeout(resolve, 0);
        }
      }),
  ));
}
