import {
  TimeoutMsSchema,
  type EngineOutcome,
  type LogEntry,
  type RunOutcome,
  type RunRequest,
  type StorageState,
} from '../core/schemas';
import { PROMISE_SETTLED_WITHOUT_CB } from '../core/runtimeMessages';
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
  connection: FrameConnection;
  ready: boolean;
  startTimer: ReturnType<typeof setTimeout>;
}

/** A run is 'queued' until the frame is ready, 'running' until its outcome, then 'settled'. */
type RunPhase = 'queued' | 'running' | 'settled';

interface ActiveRun {
  id: RunId;
  request: RunRequest;
  timeoutMs: number;
  onLog(entries: LogEntry[]): void;
  onStorage?(state: StorageState): void;
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
 */
export function createRunner(options: CreateRunnerOptions = {}): Runner {
  const {
    heartbeatMs = 500,
    crashAfterMs = 1_500,
    startTimeoutMs = 10_000,
    createFrame = (onMessage) => mountSandboxFrame(options.container ?? document.body, onMessage),
  } = options;
  const now = () => performance.now();

  let frame: Frame | null = null;
  let current: ActiveRun | null = null;
  let nextRunId = 1;
  let disposed = false;

  const heartbeat = createHeartbeat({
    intervalMs: heartbeatMs,
    deadAfterMs: crashAfterMs,
    now,
    ping: (seq) => frame?.connection.post({ type: 'ping', seq }),
    onDead: () => {
      // The renderer is gone and took its workers with it: start over with a new iframe.
      const run = current;
      openFrame();
      if (run) {
        end(run, (durationMs) => ({ status: 'crashed', durationMs, message: CRASH_MESSAGE }));
      }
    },
  });

  function openFrame() {
    closeFrame();
    const opened: Frame = {
      connection: createFrame((data) => {
        if (frame === opened) onFrameMessage(opened, data);
      }),
      ready: false,
      startTimer: setTimeout(() => {
        if (frame !== opened || opened.ready) return;
        // Not rebuilt here: a sandbox that cannot start would otherwise be retried forever.
        closeFrame();
        if (current?.phase === 'queued') {
          end(current, () => ({
            status: 'crashed',
            durationMs: 0,
            message: START_FAILURE_MESSAGE,
          }));
        }
      }, startTimeoutMs),
    };
    frame = opened;
  }

  function closeFrame() {
    if (!frame) return;
    clearTimeout(frame.startTimer);
    frame.connection.destroy();
    frame = null;
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
      if (current?.phase === 'queued') dispatch(current, source);
      return;
    }
    if (message.type === 'pong') {
      heartbeat.pong(message.seq);
      return;
    }
    if (message.type === 'fault' && message.runId === undefined) {
      console.warn(`Hookpad sandbox: ${message.message}`);
      return;
    }
    const run = current;
    // Stale: the run it belongs to has already ended (timed out, cancelled, replaced).
    if (!run || run.phase === 'queued' || !isCurrent(message, run.id)) return;
    switch (message.type) {
      case 'log':
        deliverLogs(run, message.entries);
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
    run.phase = 'running';
    run.startedAt = now();
    heartbeat.start();
    target.connection.post({ type: 'run', runId: run.id, request: run.request });
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
    if (kill && run.phase !== 'queued') frame?.connection.post({ type: 'kill', runId: run.id });
    if (outcome && run.phase !== 'settled') {
      run.resolveOutcome(outcome(run.startedAt === null ? 0 : now() - run.startedAt));
    }
    run.phase = 'settled';
    run.resolveDone();
  }

  function cancel(run: ActiveRun) {
    end(run, (durationMs) => ({ status: 'cancelled', durationMs }), true);
  }

  function run(request: RunRequest, { timeoutMs, onLog, onStorage }: RunOptions): RunHandle {
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
      timeoutMs,
      onLog,
      onStorage,
      hint: TIMEOUT_HINT,
      phase: 'queued',
      startedAt: null,
      timer: null,
      resolveOutcome,
      resolveDone,
    };
    current = active;
    if (!frame) openFrame();
    if (frame?.ready) dispatch(active, frame);
    return { outcome, done, cancel: () => cancel(active) };
  }

  function dispose() {
    if (disposed) return;
    disposed = true;
    if (current) cancel(current);
    closeFrame();
  }

  openFrame();
  return { run, dispose };
}
