import { afterSandboxStart } from '../../perf/editorReady';
import { serviceWorkerUpdates } from './serviceWorkerUpdates';
import { createUpdatePrompt, type UpdatePrompt } from './updatePrompt';

let started: Promise<UpdatePrompt | undefined> | undefined;

/**
 * Registers the service worker that keeps Hookpad usable offline (vite.config.ts, offlineApp)
 * once the page has loaded and the editor and the sandbox are up, so that its precache
 * (~14 MiB, Monaco's TypeScript worker half of it) competes with neither the first visit's
 * start nor its first Run (perf/editorReady, afterSandboxStart). Only the production build
 * has one: the dev server and the unit tests register nothing.
 */
export function registerOfflineApp(): Promise<UpdatePrompt | undefined> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return Promise.resolve(undefined);
  return (started ??= register());
}

async function register(): Promise<UpdatePrompt | undefined> {
  if (document.readyState !== 'complete') {
    await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  }
  await afterSandboxStart();
  const base = import.meta.env.BASE_URL;
  try {
    const registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
    // A browser told to block service workers (as the end-to-end suite does) may answer nothing.
    if (!registration) return undefined;
    return createUpdatePrompt(serviceWorkerUpdates(registration, navigator.serviceWorker), () =>
      window.location.reload(),
    );
  } catch (error) {
    // The app works as before, online only (a browser may refuse service workers).
    console.warn('Hookpad could not register its service worker:', error);
    return undefined;
  }
}
