/**
 * Entry of the sandbox iframe (sandbox="allow-scripts", opaque origin, no-network CSP).
 * It is bundled into a string and inlined into the iframe's srcdoc by the host.
 *
 * The host sends exactly one `init` through window.postMessage, handing over a private
 * MessagePort; everything afterwards travels on that port, which nothing else can reach.
 */
import workerSource from 'virtual:hook-worker-source';
import { createWorkerRelay } from './createWorkerRelay';
import { createGuardedSend } from './createGuardedSend';
import { FrameInitSchema, HostToFrameSchema, type FrameToHost } from './protocol';

// Created once: the iframe cannot fetch from the app's server, so workers start from a blob.
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));

function start(port: MessagePort) {
  // A message the structured clone refuses ends its run at once, clearly (§15).
  const toHost = createGuardedSend<FrameToHost>((message) => port.postMessage(message));
  const relay = createWorkerRelay(workerUrl, toHost);

  port.onmessage = (event: MessageEvent) => {
    const parsed = HostToFrameSchema.safeParse(event.data);
    if (!parsed.success) {
      toHost({
        type: 'fault',
        message: `Frame dropped an invalid message: ${parsed.error.message}`,
      });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'run':
        relay.run(message.runId, message.request);
        break;
      case 'kill':
        relay.kill(message.runId);
        break;
      case 'ping':
        toHost({ type: 'pong', seq: message.seq });
        break;
    }
  };
  toHost({ type: 'ready' });
}

function onInit(event: MessageEvent) {
  if (event.source !== window.parent) return;
  const parsed = FrameInitSchema.safeParse(event.data);
  if (!parsed.success) return;
  window.removeEventListener('message', onInit);
  start(parsed.data.port);
}

window.addEventListener('message', onInit);
