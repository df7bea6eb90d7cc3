/**
 * Entry of the sandbox iframe (sandbox="allow-scripts", opaque origin, no-network CSP).
 * It is bundled into a string and inlined into the iframe's srcdoc by the host.
 *
 * The host sends exactly one `init` through window.postMessage, handing over a private
 * MessagePort; everything afterwards travels on that port, which nothing else can reach.
 * The frame only creates and kills the workers; runs travel host ⇄ worker on ports the
 * frame hands out (createWorkerLifecycle).
 */
import workerSource from 'virtual:hook-worker-source';
import { createWorkerLifecycle } from './createWorkerLifecycle';
import { FrameInitSchema, HostToFrameSchema, type FrameToHost } from './protocol';

// Created once: the iframe cannot fetch from the app's server, so workers start from a blob.
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));

function start(port: MessagePort) {
  const toHost = (message: FrameToHost) =>
    port.postMessage(message, message.type === 'standby' ? [message.port] : []);
  const workers = createWorkerLifecycle({ createWorker: () => new Worker(workerUrl), toHost });

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
      case 'spawn':
        workers.spawn();
        break;
      case 'release':
        workers.release(message.workerId);
        break;
      case 'kill':
      case 'retire':
        workers.kill(message.workerId);
        break;
      case 'ping':
        toHost({ type: 'pong', seq: message.seq });
        break;
    }
  };
}

function onInit(event: MessageEvent) {
  if (event.source !== window.parent) return;
  const parsed = FrameInitSchema.safeParse(event.data);
  if (!parsed.success) return;
  window.removeEventListener('message', onInit);
  start(parsed.data.port);
}

window.addEventListener('message', onInit);
