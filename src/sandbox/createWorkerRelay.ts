import type { RunRequest } from '../core/schemas';
import {
  WorkerToFrameSchema,
  isCurrent,
  type FrameToHost,
  type FrameToWorker,
  type RunId,
} from './protocol';

export interface WorkerRelay {
  run(runId: RunId, request: RunRequest): void;
  kill(runId: RunId): void;
}

interface ActiveWorker {
  runId: RunId;
  worker: Worker;
  port: MessagePort;
}

/**
 * The frame's worker lifecycle: every run gets a fresh worker (no state leaks from one hook
 * to the next), and one standby worker is started ahead — as soon as the previous one is
 * taken — so a run does not wait for the worker's start-up. A worker is terminated as soon
 * as its run has finished or is killed.
 */
export function createWorkerRelay(
  workerUrl: string,
  toHost: (message: FrameToHost) => void,
): WorkerRelay {
  let standby: Worker | null = null;
  let active: ActiveWorker | null = null;

  function spawn(): Worker | null {
    try {
      const worker = new Worker(workerUrl);
      worker.addEventListener('error', (event) => onWorkerError(worker, event));
      return worker;
    } catch (error) {
      toHost({ type: 'fault', message: `Could not start a sandbox worker: ${describe(error)}` });
      return null;
    }
  }

  // Uncaught hook errors are handled inside the worker; an `error` event here means the
  // worker itself is broken (e.g. its script failed to load), so it is thrown away.
  function onWorkerError(worker: Worker, event: ErrorEvent) {
    event.preventDefault();
    const message = `Sandbox worker failed: ${event.message || 'unknown error'}`;
    if (active?.worker === worker) {
      toHost({ type: 'fault', runId: active.runId, message });
      retire();
    } else if (standby === worker) {
      worker.terminate();
      standby = null;
      toHost({ type: 'fault', message });
    }
  }

  function retire() {
    if (!active) return;
    active.worker.terminate();
    active.port.close();
    active = null;
    standby ??= spawn();
  }

  function run(runId: RunId, request: RunRequest) {
    retire();
    const worker = standby ?? spawn();
    standby = null;
    if (!worker) {
      toHost({ type: 'fault', runId, message: 'No sandbox worker could be started.' });
      return;
    }
    const channel = new MessageChannel();
    const current: ActiveWorker = { runId, worker, port: channel.port1 };
    active = current;
    channel.port1.onmessage = (event: MessageEvent) => {
      if (active !== current) return;
      const parsed = WorkerToFrameSchema.safeParse(event.data);
      if (!parsed.success) {
        console.warn('Hookpad sandbox: dropped an invalid message from the worker', parsed.error);
        return;
      }
      const message = parsed.data;
      if (!isCurrent(message, runId)) return;
      toHost(message.type === 'fault' ? { ...message, runId } : message);
      if (message.type === 'finished' || message.type === 'fault') retire();
    };
    const message: FrameToWorker = { type: 'run', runId, request, port: channel.port2 };
    worker.postMessage(message, [channel.port2]);
    // Prepare the next run's worker right away: a run that follows at once (or that ends
    // this one's post-callback grace period) must not wait for a worker's start-up.
    standby = spawn();
  }

  function kill(runId: RunId) {
    if (active?.runId === runId) retire();
  }

  standby = spawn();
  return { run, kill };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
