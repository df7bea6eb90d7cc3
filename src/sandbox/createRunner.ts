import {
  TimeoutMsSchema,
  type EngineOutcome,
  type RunOutcome,
  type RunRequest,
} from '../core/schemas';
import { ACTION_TIMEOUT_HINT } from '../core/runtimeMessages';
import { createHeartbeat } from './createHeartbeat';
import { deliverLogs, deliverRequests, deliverStorage } from './deliverReports';
import { mountSandboxFrame, type CreateFrame } from './mountSandboxFrame';
import {
  FrameToHostSchema,
  RunRequestWireSchema,
  WorkerToHostSchema,
  isCurrent,
  type FrameToHost,
  type HostToWorker,
  type WorkerId,
} from './protocol';
import { couldNotStart, type RunHandle, type RunOptions, type Runner } from './runner';
import type { ActiveRun, Frame, WorkerLink } from './runnerState';
import { sandboxPolicyFor, type SandboxPolicy } from './sandboxDocument';
import { packageBlobOf } from './packageBlobs';

export interface CreateRunnerOptions {
  /** How often the sandbox is pinged while a run is in flight. */
  heartbeatMs?: number;
  /** A ping unanswered this long means the sandbox's renderer died (e.g. out of memory). */
  crashAfterMs?: number;
  /** How long a new sandbox may take to report `ready` before a waiting run fails. */
  startTimeoutMs?: number;
  /** Where the hidden iframe is mounted; document.body by default. */
  container?: HTMLElement;
  /** Seam for tests: replaces the real iframe. */
  createFrame?: CreateFrame;
}

export const CRASH_MESSAGE = 'Sandbox crashed (out of memory?)';
export const START_FAILURE_MESSAGE = 'Sandbox did not start';
export const TIMEOUT_HINT = 'the callback was never called';
/** Added to the request's graceMs before a run that never reports `finished` is ended. */
export const FINISH_SLACK_MS = 1_000;
/**
 * How long at most the worker of a run cut short in its grace period by the next run lives on
 * (docs/runtime-semantics.md §15): terminating a worker took ~10 ms of CPU beside the next
 * run, which then took 24 ms instead of 14 on 2 CPUs.
 */
export const DEFERRED_KILL_MS = 250;

/**
 * The host side of the sandbox. One run at a time, each in a fresh worker inside an
 * opaque-origin iframe; the app's main thread never executes hook code. Enforces the hard
 * timeout, cancel, and notices a dead renderer by a heartbeat.
 *
 * A CSP is fixed per iframe document, so there is one frame per network policy: the
 * no-network frame opens at once, the network-allowed one on the first run that needs it
 * (and stays for the next). Each run goes to its policy's frame; the heartbeat watches the
 * frame of the run in flight.
 */
export function createRunner(options: CreateRunnerOptions = {}): Runner {
  const {
    heartbeatMs = 500,
    crashAfterMs = 1_500,
    startTimeoutMs = 10_000,
    createFrame = (onMessage, policy, onStartFailure) =>
      mountSandboxFrame(options.container ?? document.body, onMessage, policy, onStartFailure),
  } = options;
  const now = () => performance.now();

  const frames: Record<SandboxPolicy, Frame | null> = { offline: null, network: null };
  let markReady: () => void = () => undefined;
  /** The first warm worker of any frame: from then on a run starts at once. */
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let current: ActiveRun | null = null;
  let pendingRelease: { frame: Frame; workerId: WorkerId } | null = null;
  /** Workers of runs cut short in their grace period, still to terminate (see cancel). */
  const deferredKills: {
    frame: Frame;
    workerId: WorkerId;
    timer: ReturnType<typeof setTimeout>;
  }[] = [];
  let nextRunId = 1;
  let disposed = false;

  const heartbeat = createHeartbeat({
    intervalMs: heartbeatMs,
    deadAfterMs: crashAfterMs,
    now,
    ping: (seq) => current?.frame?.connection.post({ type: 'ping', seq }),
    onDead: () => {
      // The renderer is gone and took its workers with it: start over with a new iframe
      // (the network-allowed one only when a run needs it again).
      const run = current;
      const dead = run?.frame;
      if (dead && frames[dead.policy] === dead) {
        if (dead.policy === 'offline') openFrame('offline');
        else closeFrame('network');
      }
      if (run) {
        end(run, (durationMs) => ({ status: 'crashed', durationMs, message: CRASH_MESSAGE }));
      }
    },
  });

  function openFrame(policy: SandboxPolicy): Frame {
    closeFrame(policy);
    const opened: Frame = {
      policy,
      connection: createFrame(
        (data) => {
          if (frames[policy] === opened) onFrameMessage(opened, data);
        },
        policy,
        (reason) => {
          if (frames[policy] !== opened) return;
          // As for a frame that never starts: the waiting run ends, and the next run opens a
          // new frame, which fetches the scripts again (a failure may be brief).
          closeFrame(policy);
          if (current?.phase === 'queued' && current.policy === policy) {
            end(current, () => couldNotStart(reason));
          }
        },
      ),
      started: false,
      standby: null,
      spawning: false,
      startTimer: setTimeout(() => {
        if (frames[policy] !== opened || opened.started) return;
        // Not rebuilt here: a sandbox that cannot start would otherwise be retried forever.
        closeFrame(policy);
        failQueued(policy, START_FAILURE_MESSAGE);
      }, startTimeoutMs),
    };
    frames[policy] = opened;
    return opened;
  }

  function closeFrame(policy: SandboxPolicy) {
    const frame = frames[policy];
    if (!frame) return;
    clearTimeout(frame.startTimer);
    frame.standby?.port.close();
    frame.connection.destroy();
    frames[policy] = null;
  }

  /** Ends the queued run of this policy's frame, if any: no worker will come for it. */
  function failQueued(policy: SandboxPolicy, message: string) {
    if (current?.phase === 'queued' && current.policy === policy) {
      end(current, () => ({ status: 'crashed', durationMs: 0, message }));
    }
  }

  function onFrameMessage(source: Frame, data: unknown) {
    const parsed = FrameToHostSchema.safeParse(data);
    if (!parsed.success) {
      console.warn('Hookpad sandbox: dropped an invalid message', parsed.error);
      return;
    }
    const message: FrameToHost = parsed.data;
    source.started = true;
    clearTimeout(source.startTimer);
    switch (message.type) {
      case 'standby':
        offerStandby(source, { workerId: message.workerId, port: message.port });
        break;
      case 'pong':
        if (current?.frame === source) heartbeat.pong(message.seq);
        break;
      case 'fault':
        onFrameFault(source, message.workerId, message.message);
        break;
    }
  }

  function offerStandby(source: Frame, link: WorkerLink) {
    markReady();
    source.standby?.port.close();
    source.standby = link;
    source.spawning = false;
    link.port.onmessage = (event: MessageEvent) => {
      if (frames[source.policy] === source) onWorkerMessage(source, link, event.data);
    };
    if (current?.phase === 'queued' && current.policy === source.policy) {
      dispatch(current, source);
    }
  }

  function onFrameFault(source: Frame, workerId: WorkerId | undefined, message: string) {
    const run = current;
    if (workerId !== undefined && run?.frame === source && run.worker?.workerId === workerId) {
      end(run, (durationMs) => ({ status: 'crashed', durationMs, message }));
      return;
    }
    console.warn(`Hookpad sandbox: ${message}`);
    if (workerId !== undefined && source.standby?.workerId === workerId) {
      source.standby.port.close();
      source.standby = null;
    }
    // A run waiting for a worker gets none: it ends rather than retry a broken sandbox.
    if (!source.standby) {
      source.spawning = false;
      failQueued(source.policy, message);
    }
  }

  function onWorkerMessage(source: Frame, link: WorkerLink, data: unknown) {
    const run = current;
    if (!run || run.frame !== source || run.worker !== link) return;
    // The trust boundary: whatever the worker (and so the hook) sends is parsed here.
    const parsed = WorkerToHostSchema.safeParse(data);
    if (!parsed.success) {
      console.warn('Hookpad sandbox: dropped an invalid message from the worker', parsed.error);
      return;
    }
    const message = parsed.data;
    // Stale: the run it belongs to has already ended (timed out, cancelled, replaced).
    if (!isCurrent(message, run.id)) return;
    switch (message.type) {
      case 'log':
        deliverLogs(run, message.entries);
        break;
      case 'request':
        deliverRequests(run, message.entries, message.dropped ?? 0);
        break;
      case 'storage':
        deliverStorage(run, message.state);
        break;
      case 'settled':
        if (run.phase === 'running') settle(run, message.outcome);
        break;
      case 'finished':
        end(run, (durationMs) => ({
          status: 'crashed',
          durationMs,
          message: 'Sandbox finished without an outcome',
        }));
        break;
      case 'fault':
        end(
          run,
          (durationMs) => ({ status: 'crashed', durationMs, message: message.message }),
          'kill',
        );
        break;
    }
  }

  /** Hands the run to the frame's standby worker, or asks the frame for one. */
  function dispatch(run: ActiveRun, target: Frame) {
    const worker = target.standby;
    if (!worker) {
      if (target.started && !target.spawning) {
        target.spawning = true;
        target.connection.post({ type: 'spawn' });
      }
      return;
    }
    target.standby = null;
    run.frame = target;
    run.worker = worker;
    run.phase = 'running';
    run.startedAt = now();
    const message: HostToWorker = {
      type: 'run',
      runId: run.id,
      request: run.request,
      ...(run.packages ? { packages: run.packages } : {}),
    };
    worker.port.postMessage(message);
    // The run first: the heartbeat's first ping crosses into the frame, which takes time.
    heartbeat.start();
    run.onStart?.();
    run.timer = setTimeout(() => {
      end(run, (durationMs) => ({ status: 'timed-out', durationMs, hint: run.hint }), 'kill');
    }, run.timeoutMs);
  }

  function settle(run: ActiveRun, outcome: EngineOutcome) {
    run.phase = 'settled';
    run.resolveOutcome(outcome);
    // The frame starts the next run's standby now, while this one's grace period runs; it
    // hears of it once the outcome has been taken in (rendered), not before: a message into
    // the frame costs the page's thread about a millisecond.
    if (run.frame && run.worker) {
      const release = { frame: run.frame, workerId: run.worker.workerId };
      pendingRelease = release;
      setTimeout(() => {
        if (pendingRelease === release) postPendingRelease();
      }, 0);
    }
    if (run.timer !== null) clearTimeout(run.timer);
    // The worker reports `finished` after the grace period; if it hangs instead (say,
    // `cb(); while (true) {}`), the grace period is ended from here.
    run.timer = setTimeout(() => end(run, null, 'kill'), run.request.graceMs + FINISH_SLACK_MS);
  }

  /**
   * Ends the current run: nothing more is reported for it. `outcome` is used only if the
   * run has not settled yet; the frame terminates its worker (`kill`: cut short; `kill-later`:
   * cut short in its grace period, see cancel).
   */
  function end(
    run: ActiveRun,
    outcome: ((durationMs: number) => RunOutcome) | null,
    stop: 'retire' | 'kill' | 'kill-later' = 'retire',
  ) {
    if (current !== run) return;
    current = null;
    postPendingRelease(); // the frame hears of the release before the end, as it happened
    if (run.timer !== null) clearTimeout(run.timer);
    heartbeat.stop();
    if (run.worker) {
      // Nothing the worker sends arrives from now on: the run has ended for the app.
      run.worker.port.close();
      if (stop === 'kill-later' && run.frame) deferKill(run.frame, run.worker.workerId);
      else {
        postDeferredKills();
        // Both terminate the worker; `kill` says the run was cut short.
        const type = stop === 'retire' ? 'retire' : 'kill';
        run.frame?.connection.post({ type, workerId: run.worker.workerId });
      }
    }
    if (outcome && run.phase !== 'settled') {
      run.resolveOutcome(outcome(run.startedAt === null ? 0 : now() - run.startedAt));
    }
    run.phase = 'settled';
    run.resolveDone();
  }

  /** Posts the release settle() put off, if it has not gone out yet. */
  function postPendingRelease(): void {
    const release = pendingRelease;
    if (!release) return;
    pendingRelease = null;
    release.frame.connection.post({ type: 'release', workerId: release.workerId });
    postDeferredKills();
  }

  /** Terminates the worker after the next outcome has been taken in, or DEFERRED_KILL_MS. */
  function deferKill(frame: Frame, workerId: WorkerId): void {
    // The entry itself, not its worker id: a rebuilt frame numbers its workers from 1 again.
    const kill = {
      frame,
      workerId,
      timer: setTimeout(() => {
        const index = deferredKills.indexOf(kill);
        if (index >= 0) deferredKills.splice(index, 1);
        frame.connection.post({ type: 'kill', workerId });
      }, DEFERRED_KILL_MS),
    };
    deferredKills.push(kill);
  }

  function postDeferredKills(): void {
    for (const { frame, workerId, timer } of deferredKills.splice(0)) {
      clearTimeout(timer);
      frame.connection.post({ type: 'kill', workerId });
    }
  }

  /**
   * Cancel, or the next run, ends a run. A run in its grace period (it has settled) that
   * cannot reach the network keeps its worker a moment longer: the run has ended, its port
   * is closed and nothing it does is reported, and its worker is terminated once the next
   * run's outcome is in (the next run starts at once, without a worker's teardown beside
   * it). A run that is still running, or may reach the network, is stopped at once.
   */
  function cancel(run: ActiveRun) {
    const stop = run.phase === 'settled' && run.policy === 'offline' ? 'kill-later' : 'kill';
    end(run, (durationMs) => ({ status: 'cancelled', durationMs }), stop);
  }

  function run(
    request: RunRequest,
    { timeoutMs, onLog, onStorage, onRequest, onStart }: RunOptions,
  ): RunHandle {
    if (disposed) throw new Error('This runner has been disposed.');
    // Fail loudly on misuse: the frame would drop an invalid request and the run would hang.
    const { packages, ...rest } = request;
    const validRequest = RunRequestWireSchema.parse(rest);
    const packagesBlob = packages === undefined ? undefined : packageBlobOf(packages);
    TimeoutMsSchema.parse(timeoutMs);
    if (current) cancel(current);

    let resolveOutcome!: (outcome: RunOutcome) => void;
    let resolveDone!: () => void;
    const outcome = new Promise<RunOutcome>((resolve) => (resolveOutcome = resolve));
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const active: ActiveRun = {
      id: nextRunId++,
      request: validRequest,
      ...(packagesBlob ? { packages: packagesBlob } : {}),
      policy: sandboxPolicyFor(validRequest),
      frame: null,
      worker: null,
      timeoutMs,
      onLog,
      onStorage,
      onRequest,
      onStart,
      hint: validRequest.kind === 'action' ? ACTION_TIMEOUT_HINT : TIMEOUT_HINT,
      phase: 'queued',
      startedAt: null,
      timer: null,
      resolveOutcome,
      resolveDone,
    };
    current = active;
    dispatch(active, frames[active.policy] ?? openFrame(active.policy));
    return { outcome, done, cancel: () => cancel(active) };
  }

  function dispose() {
    if (disposed) return;
    disposed = true;
    if (current) cancel(current);
    postDeferredKills();
    closeFrame('offline');
    closeFrame('network');
  }

  openFrame('offline');
  return { run, whenReady: () => ready, dispose };
}
