import type { FrameToHost, FrameToWorker, WorkerId } from './protocol';

export interface WorkerLifecycle {
  /** Starts a standby worker now unless there is one (a run is waiting). */
  spawn(): void;
  /** The worker's run has settled: the next standby starts shortly. */
  release(workerId: WorkerId): void;
  /** Terminates the worker (finished, timed out, cancelled or replaced). */
  kill(workerId: WorkerId): void;
}

/** What the lifecycle needs of a Worker; the frame passes real ones. */
export interface SandboxWorker {
  postMessage(message: FrameToWorker, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

export interface WorkerLifecycleOptions {
  createWorker(): SandboxWorker;
  /** The late modules' scripts, handed to every worker with its port (lateModules.ts). */
  lateModules: Readonly<Record<string, Blob>>;
  /** Sends to the host; a standby message's port is transferred. */
  toHost(message: FrameToHost): void;
}

/**
 * How long after a run has settled its successor's standby worker starts. Starting a worker
 * (its ~0.3 MiB script, then the engine's warm-up run) takes a core for a while; right
 * after the outcome it would compete with the host rendering that outcome.
 */
export const STANDBY_DELAY_MS = 50;

/**
 * The frame's part of a run: it only creates and kills workers. Every run gets a fresh
 * worker (no state leaks from one hook to the next), started ahead as a standby so a run does
 * not wait for the worker's start-up. Each worker gets one end of a new MessageChannel and
 * the host the other (in a `standby` message): the run and its reports never pass through
 * the frame. The next standby starts once the host says the current run has settled (or
 * ended), not while it runs: on a small machine its start-up would take the CPU from the
 * hook. A worker ends itself after its run has finished, or is terminated when the host
 * says so.
 */
export function createWorkerLifecycle({
  createWorker,
  lateModules,
  toHost,
}: WorkerLifecycleOptions): WorkerLifecycle {
  const workers = new Map<WorkerId, SandboxWorker>();
  let nextId = 1;
  /** The worker last offered to the host, until the host releases or kills it. */
  let standby: WorkerId | null = null;
  let standbyTimer: ReturnType<typeof setTimeout> | null = null;

  function start() {
    let worker: SandboxWorker;
    try {
      worker = createWorker();
    } catch (error) {
      toHost({ type: 'fault', message: `Could not start a sandbox worker: ${describe(error)}` });
      return;
    }
    const workerId = nextId++;
    workers.set(workerId, worker);
    standby = workerId;
    // Uncaught hook errors are handled inside the worker; an `error` event here means the
    // worker itself is broken (e.g. its script failed to load), so it is thrown away.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (!workers.has(workerId)) return;
      end(workerId);
      if (standby === workerId) standby = null;
      const message = `Sandbox worker failed: ${event.message || 'unknown error'}`;
      toHost({ type: 'fault', workerId, message });
    });
    const channel = new MessageChannel();
    worker.postMessage({ type: 'connect', port: channel.port1, lateModules }, [channel.port1]);
    toHost({ type: 'standby', workerId, port: channel.port2 });
  }

  function prepareStandby(delayMs: number) {
    if (standby !== null || standbyTimer !== null) return;
    standbyTimer = setTimeout(() => {
      standbyTimer = null;
      if (standby === null) start();
    }, delayMs);
  }

  function end(workerId: WorkerId) {
    workers.get(workerId)?.terminate();
    workers.delete(workerId);
  }

  /**
   * The host has taken the standby (its run is over or settled): another one is due. The
   * host runs one worker at a time in the order they were offered, so every older worker's
   * run is over: it has ended itself after reporting `finished`, or was killed.
   */
  function taken(workerId: WorkerId, delayMs: number) {
    for (const id of workers.keys()) if (id < workerId) end(id);
    if (standby === workerId) standby = null;
    prepareStandby(delayMs);
  }

  start();
  return {
    spawn() {
      if (standby !== null) return;
      if (standbyTimer !== null) clearTimeout(standbyTimer);
      standbyTimer = null;
      start();
    },
    release: (workerId) => taken(workerId, STANDBY_DELAY_MS),
    kill(workerId) {
      end(workerId);
      taken(workerId, 0);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
