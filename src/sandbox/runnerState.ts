import type { OutboundEntry } from '../core/networkSchemas';
import type { LogEntry, RunOutcome, RunRequest, StorageState } from '../core/schemas';
import type { FrameConnection } from './mountSandboxFrame';
import type { RunId, WorkerId } from './protocol';
import type { SandboxPolicy } from './sandboxDocument';

// The state createRunner keeps per sandbox frame and for the run in flight.

/** A worker of a frame and the host's end of its port. */
export interface WorkerLink {
  workerId: WorkerId;
  port: MessagePort;
}

export interface Frame {
  policy: SandboxPolicy;
  connection: FrameConnection;
  /** Whether the frame has spoken yet (its script runs). */
  started: boolean;
  /** The worker waiting for the next run, if the frame has offered one. */
  standby: WorkerLink | null;
  /** A `spawn` is out and its standby not yet here. */
  spawning: boolean;
  startTimer: ReturnType<typeof setTimeout>;
}

/** A run is 'queued' until a worker of its frame takes it, 'running' until its outcome, then 'settled'. */
export type RunPhase = 'queued' | 'running' | 'settled';

export interface ActiveRun {
  id: RunId;
  /** Without its package tree: that travels as `packages`. */
  request: RunRequest;
  packages?: Blob;
  /** Which sandbox it runs in: the network-allowed one only when the request says so. */
  policy: SandboxPolicy;
  /** The frame it was handed to; null while queued. */
  frame: Frame | null;
  /** The worker it runs in; null while queued. */
  worker: WorkerLink | null;
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
