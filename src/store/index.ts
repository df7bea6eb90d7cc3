import { useStore } from 'zustand';
import { createLazyRunner } from '../sandbox/createLazyRunner';
import type { AppState } from './appState';
import { createAppStore } from './createAppStore';
import { createDebouncedStorage } from './debouncedStorage';

/** Typing writes to localStorage at most this often; pagehide flushes the rest. */
const SAVE_DELAY_MS = 300;

const storage = createDebouncedStorage(localStorage, SAVE_DELAY_MS);
addEventListener('pagehide', storage.flush);
// Mobile browsers may discard a hidden tab without a pagehide.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') storage.flush();
});

/** The app's one store. Components read it through useAppStore(selector). */
const runner = createLazyRunner(() => import('../sandbox/createRunner'));
// Load the sandbox once the page is idle, so the first run does not wait for it.
const preload = () => void runner.preload();
if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 3000 });
else setTimeout(preload, 1000);

export const appStore = createAppStore({ runner, storage });

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export type { AppState } from './appState';
