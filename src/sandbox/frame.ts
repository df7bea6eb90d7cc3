/**
 * Entry of the sandbox iframe (sandbox="allow-scripts", opaque origin, no-network CSP).
 * It is bundled into a string and inlined into the iframe's srcdoc by the host.
 *
 * The host sends exactly one `init` through window.postMessage, handing over a private
 * MessagePort and the hook worker's script; everything afterwards travels on that port,
 * which nothing else can reach.
 * The frame only creates and kills the workers; runs travel host ⇄ worker on ports the
 * frame hands out (createWorkerLifecycle).
 */
import { createWorkerLifecycle } from './createWorkerLifecycle';
import { FrameInitSchema, HostToFrameSchema, type FrameToHost } from './protocol';

/**
 * The iframe cannot fetch from the app's server, so its workers start from a blob: URL of
 * the script the host handed over, made here: a blob: URL is usable only by its own origin.
 */
function start(port: MessagePort, workerScript: Blob, lateModules: Record<string, Blob>) {
  const workerUrl = URL.createObjectURL(workerScript);
  const toHost = (message: FrameToHost) =>
    port.postMessage(message, message.type === 'standby' ? [message.port] : []);
  const workers = createWorkerLifecycle({
    createWorker: () => new Worker(workerUrl),
    lateModules,
    toHost,
  });

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
  start(parsed.data.port, parsed.data.workerScript, parsed.data.lateModules);
}

window.addEventListener('message', onInit);
