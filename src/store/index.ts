import { useStore } from 'zustand';
import { createWorkspacePersistence } from '../persist/createWorkspacePersistence';
import { createLazyRunner } from '../sandbox/createLazyRunner';
import { afterSandboxStart, afterStartup, sandboxStarted } from '../perf/editorReady';
import type { AppState } from './appState';
import { createAppStore } from './createAppStore';
import { connectPersistence, type PersistenceConnection } from './connectPersistence';
import { createPackageDeps } from './packageDeps';

/**
 * The sandbox's code. Its frame loads while it fetches its worker's scripts (files of the
 * build); a failure of either is the waiting run's message ("Sandbox could not start: …").
 */
const loadSandbox = () => import('../sandbox/createRunner');

/** The app's one store. Components read it through useAppStore(selector). */
const runner = createLazyRunner(loadSandbox, {
  // The sandbox waits for the editor: Monaco's start-up needs the network and the CPU first.
  whenIdle: afterStartup,
});
// Load the sandbox once the page is idle, so the first run does not wait for it; the rest of
// the background work (views' code, language workers, offline precache) waits for it to have
// started, and for a Run clicked meanwhile to have its result: its ~30 requests and their
// evaluation would hold that result back.
const preload = () =>
  void runner
    .preload()
    .then(() => runner.whenReady?.())
    .then(noRunInFlight)
    .then(sandboxStarted, () => undefined);
if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 3000 });
else setTimeout(preload, 1000);

/**
 * Saved tests run in a pool of sandboxes of their own, loaded on the first test run: a test
 * batch and a workbench run never cancel each other.
 */
const testRunner = createLazyRunner(
  () =>
    Promise.all([import('../sandbox/createRunnerPool'), loadSandbox()]).then(([pool, single]) => ({
      createRunner: () =>
        pool.createRunnerPool({
          size: pool.runnerPoolSize(navigator.hardwareConcurrency),
          create: () => single.createRunner(),
        }),
    })),
  { whenIdle: afterStartup },
);

export const appStore = createAppStore({ runner, testRunner, packages: createPackageDeps() });

/** Resolves once the workbench has no run waiting for its outcome. */
function noRunInFlight(): Promise<void> {
  const running = () => appStore.getState().run.status === 'running';
  if (!running()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = appStore.subscribe(() => {
      if (running()) return;
      unsubscribe();
      resolve();
    });
  });
}
// The stored packages' list (summaries, no code) is read once the editor and the sandbox are up.
void afterSandboxStart().then(() => appStore.getState().loadPackages());

/**
 * Edits are stored after this much quiet. `?saveDelayMs=` changes it (up to 10 s), so the
 * two-tab behaviour can be watched (and tested) with a wider window.
 */
function saveDelayMs(): number {
  const asked = Number(new URLSearchParams(location.search).get('saveDelayMs'));
  return Number.isInteger(asked) && asked > 0 && asked <= 10_000 ? asked : 300;
}

const persistence = createWorkspacePersistence({ delayMs: saveDelayMs() });
let connection: PersistenceConnection | null = null;

/**
 * Resolves once the stored workspace is in the store (the app renders after it, so no
 * editor ever shows a starter that is about to be replaced). Edits are written from then on.
 */
export const workspaceReady: Promise<void> = persistence
  .load()
  .then((loaded) => {
    appStore.getState().hydrate({
      hooks: loaded.hooks,
      settings: loaded.settings,
      quarantined: loaded.quarantined.map(({ key, error }) => ({ key, error })),
    });
  })
  .catch((error: unknown) => {
    appStore.getState().setSaveProblem({
      kind: 'unavailable',
      message: `Hookpad could not read its saved workspace (${String(error)}); edits stay in this tab.`,
    });
  })
  .finally(() => {
    performance.mark('hookpad:workspace-ready');
    connection = connectPersistence(appStore, persistence);
    // A fresh workspace's first hook is stored at once, so a second tab opened now finds it.
    const fresh = Object.values(appStore.getState().hooks).filter((hook) => hook.rev === 0);
    for (const hook of fresh) persistence.hookChanged(hook);
    if (fresh.length > 0) void persistence.flush();
  });

const flush = () => void persistence.flush();
addEventListener('pagehide', () => {
  // Synchronous first: the page may be gone before IndexedDB has answered.
  persistence.journalPending();
  flush();
});
// Mobile browsers may discard a hidden tab without a pagehide.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush();
});

/** Resolves a two-tab conflict (see HookConflict); "Keep mine" writes over the other tab. */
export function resolveConflict(...args: Parameters<PersistenceConnection['resolveConflict']>) {
  connection?.resolveConflict(...args);
}

/** The raw stored text of a record that could not be read, for "export it raw". */
export const quarantinedRaw = (key: string): Promise<string> => persistence.quarantinedRaw(key);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export type { AppState } from './appState';
