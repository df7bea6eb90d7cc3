import type {
  JsonValue,
  LogEntry,
  ModuleRequest,
  PointId,
  RunOutcome,
  StorageState,
} from '../../core/schemas';
import type { NetworkSettings, OutboundEntry } from '../../core/networkSchemas';
import type { RunInputs } from './runInputs';

// The hook run the results show, as plain data: the store keeps it, and the reproduction
// report and the editor's run markers read it.

export type RunStatus = 'idle' | 'running' | 'done';

/** A run that never reached the sandbox because an input was unusable. */
export interface InputProblem {
  status: 'not-started';
  field: 'action' | 'payload' | 'timeout' | 'secrets' | 'network' | 'dependencies';
  message: string;
  durationMs: 0;
}

export type ShownOutcome = RunOutcome | InputProblem;

/** The modules a finished run required (dynamic names included); none for other outcomes. */
export function requiresOf(outcome: ShownOutcome | null): ModuleRequest[] | undefined {
  return outcome?.status === 'succeeded' || outcome?.status === 'failed'
    ? outcome.requires
    : undefined;
}

export interface RunState {
  status: RunStatus;
  /** Increments per run; stale runner callbacks compare against it. */
  id: number;
  point: PointId | null;
  /** The hook the run ran (the reproduction bundle pairs it with the hook). */
  hookId: string | null;
  /** The hook's draft as the run was started with it: a later edit outdates the results. */
  inputs: RunInputs | null;
  /** The parsed payload the run was started with, for the platform view. */
  payload: JsonValue | null;
  /** The secrets the run was started with: what the output display masks. */
  secrets: Record<string, string>;
  /** Date.now() at the start, for the elapsed-time display. */
  startedAt: number;
  logs: LogEntry[];
  /** Entries beyond MAX_LOGS_KEPT that were counted but not kept. */
  droppedLogs: number;
  /** The "Outbound requests" trace (HTTP requests, auto-mocked SDK calls), in order. */
  requests: OutboundEntry[];
  /** Entries beyond REQUEST_LIMITS (the sandbox's or the store's) counted but not kept. */
  droppedRequests: number;
  /** The network settings the run was started with: which mock answered is looked up here. */
  network: NetworkSettings;
  /** The hook's webtask storage the run started with ("Save as test" keeps it). */
  storageBefore: StorageState;
  /** The storage after the run's last write (the one it started with if it wrote none). */
  storageAfter: StorageState;
  outcome: ShownOutcome | null;
  /** True after the outcome while the sandbox may still report "after callback" logs. */
  settling: boolean;
}
