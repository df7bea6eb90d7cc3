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
 * How long after a run has settled its successor's standby worker starts. Starting a worker
 * (its ~0.5 MiB script, then the engine's warm-up run) takes a core for a while; right
 * after the outcome it would compete with the host rendering that outcome.
 */
export const STANDBY_DELAY_MS = 50;

/**
 * The frame's worker lifecycle: every run gets a fresh worker (no state leaks from one hook
 * to the next), and one standby worker is started ahead so a run does not wait for the
 * worker's start-up. The standby for the next run is started once the current run has
 * settled (or ended), not while it runs: on a small machine its start-up would take the
 * CPU from the hook. A worker is terminated as soon as its run has finished or is killed.
 */
export function createWorkerRelay(
  workerUrl: string,
  toHost: (message: FrameToHost) => void,
): WorkerRelay {
  let standby: Worker | null = null;
  let active: ActiveWorker | null = null;
  let standbyTimer: ReturnType<typeof setTimeout> | null = null;

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

  function prepareStandby(delayMs: number) {
    if (standby || standbyTimer !== null) return;
    standbyTimer = setTimeout(() => {
      standbyTimer = null;
      standby ??= spawn();
    }, delayMs);
  }

  function end(worker: ActiveWorker) {
    worker.worker.terminate();
    worker.port.close();
  }

  function retire() {
    if (!active) return;
    end(active);
    active = null;
    prepareStandby(0);
  }

  function run(runId: RunId, request: RunRequest) {
    // The previous run (say, in its after-callback grace period) is ended once this run is
    // on its way: the new one does not wait for a termination.
    const previous = active;
    active = null;
    const worker = standby ?? spawn();
    standby = null;
    if (!worker) {
      if (previous) end(previous);
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
      if (message.type === 'settled') prepareStandby(STANDBY_DELAY_MS);
      if (message.type === 'finished' || message.type === 'fault') retire();
    };
    const message: FrameToWorker = { type: 'run', runId, request, port: channel.port2 };
    worker.postMessage(message, [channel.port2]);
    if (previous) end(previous);
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
