import type { OutboundEntry } from '../core/networkSchemas';
import {
  TimeoutMsSchema,
  type EngineOutcome,
  type LogEntry,
  type RunOutcome,
  type RunRequest,
  type StorageState,
} from '../core/schemas';
import { ACTION_TIMEOUT_HINT, PROMISE_SETTLED_WITHOUT_CB } from '../core/runtimeMessages';
import { createHeartbeat } from './createHeartbeat';
import { mountSandboxFrame, type CreateFrame, type FrameConnection } from './mountSandboxFrame';
import {
  FrameToHostSchema,
  RunRequestWireSchema,
  isCurrent,
  type FrameToHost,
  type RunId,
} from './protocol';
import type { RunHandle, RunOptions, Runner } from './runner';
import { sandboxPolicyFor, type SandboxPolicy } from './sandboxDocument';

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

interface Frame {
  policy: SandboxPolicy;
  connection: FrameConnection;
  ready: boolean;
  startTimer: ReturnType<typeof setTimeout>;
}

/** A run is 'queued' until the frame is ready, 'running' until its outcome, then 'settled'. */
type RunPhase = 'queued' | 'running' | 'settled';

interface ActiveRun {
  id: RunId;
  request: RunRequest;
  /** Which sandbox it runs in: the network-allowed one only when the request says so. */
  policy: SandboxPolicy;
  /** The frame it was handed to; null while queued. */
  frame: Frame | null;
  timeoutMs: number;
  onLog(entries: LogEntry[]): void;
  onStorage?(state: StorageState): void;
  onRequest?(entries: OutboundEntry[], dropped: number): void;
  onStart?(): void;
  /** The timed-out hint; the engine's runtime warnings can make it more precise. */
  hint: string;
  phase: RunPhase;
  /** When the run was handed to the sandbox (performance.now()); host-side durations start here. */
  startedAt: number | null;
  timer: ReturnType<typeof setTimeout> | null;
  resolveOutcome(outcome: RunOutcome): void;
  resolveDone(): void;
}

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
    createFrame = (onMessage, policy) =>
      mountSandboxFrame(options.container ?? document.body, onMessage, policy),
  } = options;
  const now = () => performance.now();

  const frames: Record<SandboxPolicy, Frame | null> = { offline: null, network: null };
  let current: ActiveRun | null = null;
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
      connection: createFrame((data) => {
        if (frames[policy] === opened) onFrameMessage(opened, data);
      }, policy),
      ready: false,
      startTimer: setTimeout(() => {
        if (frames[policy] !== opened || opened.ready) return;
        // Not rebuilt here: a sandbox that cannot start would otherwise be retried forever.
        closeFrame(policy);
        if (current?.phase === 'queued' && current.policy === policy) {
          end(current, () => ({
            status: 'crashed',
            durationMs: 0,
            message: START_FAILURE_MESSAGE,
          }));
        }
      }, startTimeoutMs),
    };
    frames[policy] = opened;
    return opened;
  }

  function closeFrame(policy: SandboxPolicy) {
    const frame = frames[policy];
    if (!frame) return;
    clearTimeout(frame.startTimer);
    frame.connection.destroy();
    frames[policy] = null;
  }

  function onFrameMessage(source: Frame, data: unknown) {
    const parsed = FrameToHostSchema.safeParse(data);
    if (!parsed.success) {
      console.warn('Hookpad sandbox: dropped an invalid message', parsed.error);
      return;
    }
    const message: FrameToHost = parsed.data;
    if (message.type === 'ready') {
      source.ready = true;
      clearTimeout(source.startTimer);
      if (current?.phase === 'queued' && current.policy === source.policy) {
        dispatch(current, source);
      }
      return;
    }
    if (message.type === 'pong') {
      if (current?.frame === source) heartbeat.pong(message.seq);
      return;
    }
    if (message.type === 'fault' && message.runId === undefined) {
      console.warn(`Hookpad sandbox: ${message.message}`);
      return;
    }
    const run = current;
    // Stale: the run it belongs to has already ended (timed out, cancelled, replaced).
    if (!run || run.frame !== source || !isCurrent(message, run.id)) return;
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
        end(run, (durationMs) => ({ status: 'crashed', durationMs, message: message.message }));
        break;
    }
  }

  function dispatch(run: ActiveRun, target: Frame) {
    run.frame = target;
    run.phase = 'running';
    run.startedAt = now();
    heartbeat.start();
    target.connection.post({ type: 'run', runId: run.id, request: run.request });
    run.onStart?.();
    run.timer = setTimeout(() => {
      end(run, (durationMs) => ({ status: 'timed-out', durationMs, hint: run.hint }), true);
    }, run.timeoutMs);
  }

  function settle(run: ActiveRun, outcome: EngineOutcome) {
    run.phase = 'settled';
    run.resolveOutcome(outcome);
    if (run.timer !== null) clearTimeout(run.timer);
    // The worker reports `finished` after the grace period; if it hangs instead (say,
    // `cb(); while (true) {}`), the grace period is ended from here.
    run.timer = setTimeout(() => end(run, null, true), run.request.graceMs + FINISH_SLACK_MS);
  }

  function deliverLogs(run: ActiveRun, entries: LogEntry[]) {
    // An async export that resolved without cb: the timeout's hint should say so.
    if (entries.some((e) => e.source === 'runtime' && e.text === PROMISE_SETTLED_WITHOUT_CB)) {
      run.hint = PROMISE_SETTLED_WITHOUT_CB;
    }
    try {
      run.onLog(entries);
    } catch (error) {
      console.error('Hookpad sandbox: onLog threw', error);
    }
  }

  function deliverRequests(run: ActiveRun, entries: OutboundEntry[], dropped: number) {
    try {
      run.onRequest?.(entries, dropped);
    } catch (error) {
      console.error('Hookpad sandbox: onRequest threw', error);
    }
  }

  function deliverStorage(run: ActiveRun, state: StorageState) {
    try {
      run.onStorage?.(state);
    } catch (error) {
      console.error('Hookpad sandbox: onStorage threw', error);
    }
  }

  /**
   * Ends the current run: nothing more is reported for it. `outcome` is used only if the
   * run has not settled yet; `kill` tells the frame to terminate its worker.
   */
  function end(run: ActiveRun, outcome: ((durationMs: number) => RunOutcome) | null, kill = false) {
    if (current !== run) return;
    current = null;
    if (run.timer !== null) clearTimeout(run.timer);
    heartbeat.stop();
    if (kill && run.phase !== 'queued') run.frame?.connection.post({ type: 'kill', runId: run.id });
    if (outcome && run.phase !== 'settled') {
      run.resolveOutcome(outcome(run.startedAt === null ? 0 : now() - run.startedAt));
    }
    run.phase = 'settled';
    run.resolveDone();
  }

  function cancel(run: ActiveRun) {
    end(run, (durationMs) => ({ status: 'cancelled', durationMs }), true);
  }

  function run(
    request: RunRequest,
    { timeoutMs, onLog, onStorage, onRequest, onStart }: RunOptions,
  ): RunHandle {
    if (disposed) throw new Error('This runner has been disposed.');
    // Fail loudly on misuse: the frame would drop an invalid request and the run would hang.
    const validRequest = RunRequestWireSchema.parse(request);
    TimeoutMsSchema.parse(timeoutMs);
    if (current) cancel(current);

    let resolveOutcome!: (outcome: RunOutcome) => void;
    let resolveDone!: () => void;
    const outcome = new Promise<RunOutcome>((resolve) => (resolveOutcome = resolve));
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const active: ActiveRun = {
      id: nextRunId++,
      request: validRequest,
      policy: sandboxPolicyFor(validRequest),
      frame: null,
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
    const target = frames[active.policy] ?? openFrame(active.policy);
    if (target.ready) dispatch(active, target);
    return { outcome, done, cancel: () => cancel(active) };
  }

  function dispose() {
    if (disposed) return;
    disposed = true;
    if (current) cancel(current);
    closeFrame('offline');
    closeFrame('network');
  }

  openFrame('offline');
  return { run, dispose };
}
