import {
  createRegistryFrameClient,
  type RegistryFetch,
  type RegistryFetchOptions,
  type RegistryFramePort,
} from './registryFrameClient';
import { registryFrameDocument, registryOrigin } from './registryFrameDocument';
import type { RegistryFrameRequest } from './registryFrameProtocol';

export type { RegistryFetch, RegistryFetchOptions } from './registryFrameClient';

/**
 * Mounts a hidden download frame for one registry origin: `<iframe sandbox="allow-scripts">`
 * (never allow-same-origin: its origin is opaque, so it has no app storage, cookies or DOM)
 * whose CSP lets it connect to that origin only, and hands it a private MessageChannel port
 * once it has loaded.
 */
async function mountRegistryFrame(
  container: HTMLElement,
  origin: string,
  onMessage: (data: unknown) => void,
): Promise<RegistryFramePort> {
  const srcdoc = await registryFrameDocument(origin);
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.title = `Hookpad downloads from ${origin}`;
  iframe.dataset.registryOrigin = origin;
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.style.cssText =
    'position:absolute;top:0;left:0;width:0;height:0;border:0;opacity:0;pointer-events:none';
  iframe.srcdoc = srcdoc;

  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent) => onMessage(event.data);
  // Requests posted before the frame has loaded wait in the port until the frame starts it.
  iframe.addEventListener(
    'load',
    () => {
      // An opaque origin cannot be named as targetOrigin, hence '*': the port is what makes
      // the rest of the conversation private.
      iframe.contentWindow?.postMessage({ type: 'init', port: channel.port2 }, '*', [
        channel.port2,
      ]);
    },
    { once: true },
  );
  container.append(iframe);

  return {
    post: (request: RegistryFrameRequest) => channel.port1.postMessage(request),
    close() {
      channel.port1.close();
      iframe.remove();
    },
  };
}

/**
 * A `fetch` that downloads from one registry through a frame of its own: the app page
 * connects nowhere, the hook's sandbox gets no network for it, and the frame reaches only the
 * registry's origin. The frame is mounted in `container` (the document's body by default) on
 * the first download and reused; a new registry address needs a new RegistryFetch. Throws
 * at once for an address that is not plain http(s).
 */
export function createRegistryFetch(
  registry: string,
  container?: HTMLElement,
  options?: RegistryFetchOptions,
): RegistryFetch {
  const origin = registryOrigin(registry);
  return createRegistryFrameClient(
    origin,
    (onMessage) => mountRegistryFrame(container ?? document.body, origin, onMessage),
    options,
  );
}
