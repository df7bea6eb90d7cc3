import type { UpdateSource } from './updatePrompt';

/** The parts of the Service Worker API the update prompt reads (faked in the unit tests). */
export type WorkerContainer = Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>;
export type WorkerRegistration = Pick<
  ServiceWorkerRegistration,
  'installing' | 'waiting' | 'addEventListener'
>;

const SKIP_WAITING = { type: 'SKIP_WAITING' };

/**
 * The update prompt's view of one registration. A worker that waits while the page is
 * controlled is a new build; the first worker of a browser takes control without waiting
 * (clientsClaim) and is no update, so its controllerchange is not reported either.
 */
export function serviceWorkerUpdates(
  registration: WorkerRegistration,
  container: WorkerContainer,
): UpdateSource {
  let controlled = Boolean(container.controller);
  return {
    onWaiting(listener) {
      const check = () => {
        if (registration.waiting && container.controller) listener();
      };
      const watch = (worker: ServiceWorker | null) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') check();
        });
      // A worker may already wait (found on an earlier visit) or be installing.
      check();
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    },
    onControlling(listener) {
      container.addEventListener('controllerchange', () => {
        if (controlled) listener();
        controlled = true;
      });
    },
    skipWaiting() {
      const waiting = registration.waiting;
      // The generated worker activates on this message (vite-plugin-pwa, registerType 'prompt').
      waiting?.postMessage(SKIP_WAITING);
      return waiting !== null;
    },
  };
}
