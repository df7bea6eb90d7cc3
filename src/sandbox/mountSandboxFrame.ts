import { frameScript } from 'virtual:hook-sandbox';
import type { FrameInit, HostToFrame } from './protocol';
import { sandboxDocument, type SandboxPolicy } from './sandboxDocument';
import { sandboxScripts } from './sandboxScripts';

/** The host's end of one sandbox iframe; createRunner talks to the sandbox only through it. */
export interface FrameConnection {
  post(message: HostToFrame): void;
  /** Removes the iframe (ending its workers) and closes the channel. */
  destroy(): void;
}

/**
 * Creates a sandbox with the given network policy and delivers every message it sends,
 * unparsed, to `onMessage` — asynchronously, as MessagePort events are (never before it
 * has returned). `onStartFailure` hears, at most once, why the frame cannot start (its
 * worker's scripts did not load): the frame will never speak.
 */
export type CreateFrame = (
  onMessage: (data: unknown) => void,
  policy: SandboxPolicy,
  onStartFailure?: (message: string) => void,
) => FrameConnection;

/** Built once per policy: the same for every iframe. */
const srcdocs: Partial<Record<SandboxPolicy, string>> = {};

/**
 * Mounts a hidden `<iframe sandbox="allow-scripts">` (never allow-same-origin: its origin is
 * opaque, so it cannot reach the app's storage, cookies or DOM) and hands it a private
 * MessageChannel port once it has loaded.
 */
export function mountSandboxFrame(
  container: HTMLElement,
  onMessage: (data: unknown) => void,
  policy: SandboxPolicy = 'offline',
  onStartFailure: (message: string) => void = () => undefined,
): FrameConnection {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.title = policy === 'network' ? 'Hookpad sandbox (network allowed)' : 'Hookpad sandbox';
  iframe.dataset.policy = policy;
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  // Hidden by size rather than display:none, so nothing depends on how browsers treat
  // undisplayed frames.
  iframe.style.cssText =
    'position:absolute;top:0;left:0;width:0;height:0;border:0;opacity:0;pointer-events:none';
  iframe.srcdoc = srcdocs[policy] ??= sandboxDocument(frameScript, policy);

  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent) => onMessage(event.data);
  // Fetched while the frame loads, once for every frame: each gets handles to the same
  // Blobs, not copies. A failure is forgotten (sandboxScripts), so a new frame asks again.
  const scripts = sandboxScripts();
  scripts.catch((error: unknown) =>
    onStartFailure(error instanceof Error ? error.message : String(error)),
  );

  // The frame's listener exists only once the srcdoc has loaded; a message posted earlier
  // would reach the initial about:blank document and be lost.
  iframe.addEventListener(
    'load',
    () => {
      scripts.then(
        ({ worker, lateModules }) => {
          const init: FrameInit = {
            type: 'init',
            port: channel.port2,
            workerScript: worker,
            lateModules,
          };
          // An opaque origin cannot be named as targetOrigin, hence '*'; the port is what
          // makes the rest of the conversation private.
          iframe.contentWindow?.postMessage(init, '*', [channel.port2]);
        },
        () => undefined, // reported above, as soon as the fetch failed
      );
    },
    { once: true },
  );
  container.append(iframe);

  return {
    post: (message) => channel.port1.postMessage(message),
    destroy() {
      channel.port1.close();
      iframe.remove();
    },
  };
}
