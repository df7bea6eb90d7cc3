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
/**
 * If the sandbox does not come up (it could not load, or the machine is very slow), the work
 * that waits for it starts anyway this long after start-up.
 */
export const SANDBOX_FALLBACK_MS = 4_000;

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
 * Resolves once the hook editor is mounted and the page then had an idle moment: when what a
 * Run needs (the sandbox, the views of a result) may load without competing with Monaco's
 * start-up for the CPU and the network. Everything else waits longer: afterSandboxStart.
 */
export function afterStartup(): Promise<void> {
  return (startupDone ??= whenEditorReady().then(idleMoment));
}

function idleMoment(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    } else {
      setTimeout(resolve, 0);
    }
  });
}

let markSandbox: () => void = () => undefined;
const sandboxReady = new Promise<void>((resolve) => (markSandbox = resolve));

/**
 * The workbench's sandbox can take a run at once, and no run waits for its outcome
 * (src/store/index.ts says so).
 */
export function sandboxStarted(): void {
  markSandbox();
}

let backgroundDone: Promise<void> | undefined;

/**
 * Resolves once the sandbox has started after start-up (or SANDBOX_FALLBACK_MS after
 * start-up without it), and the page then had an idle moment: when work that no Run needs
 * may start. That is the language workers (TypeScript's takes ~2 s of CPU) and the offline
 * precache (~14 MiB): they started with the sandbox and, on 2 CPUs, made a Run right after
 * opening the app wait for them, ~1.3 s instead of ~0.8 s. It is also the code of views not
 * shown yet (dialogs, menus, closed sections) and lint: ~30 requests that came with the
 * sandbox's and held it back (README, Benchmark, firstRunRatio).
 */
export function afterSandboxStart(): Promise<void> {
  return (backgroundDone ??= afterStartup()
    .then(() =>
      Promise.race([
        sandboxReady,
        new Promise<void>((resolve) => setTimeout(resolve, SANDBOX_FALLBACK_MS)),
      ]),
    )
    .then(idleMoment));
}
