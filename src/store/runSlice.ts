import type { StateCreator } from 'zustand';
import {
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
  type JsonValue,
  type LogEntry,
  type PointId,
} from '../core/schemas';
import {
  NetworkSettingsSchema,
  type NetworkSettings,
  type OutboundEntry,
} from '../core/networkSchemas';
import { MAX_LOGS_KEPT, REQUEST_LIMITS } from '../core/outputLimits';
import type { RunHandle, Runner } from '../sandbox/runner';
import type { InputProblem, RunState } from '../workspace/run/runState';
import { runInputsOf, type RunInputs } from '../workspace/run/runInputs';
import { markRunStart } from '../perf/runTiming';
import type { AppState } from './appState';
import { secretsForRun } from '../workspace/draft/secrets';
import { EMPTY_NETWORK, networkForRun } from '../workspace/draft/network';

export interface RunSlice {
  run: RunState;
  startRun(): void;
  cancelRun(): void;
}

export const GRACE_MS = 1000;

export const idleRun: RunState = {
  status: 'idle',
  id: 0,
  point: null,
  hookId: null,
  inputs: null,
  payload: null,
  secrets: {},
  startedAt: 0,
  logs: [],
  droppedLogs: 0,
  requests: [],
  droppedRequests: 0,
  network: EMPTY_NETWORK,
  outcome: null,
  settling: false,
};

export function createRunSlice(runner: Runner): StateCreator<AppState, [], [], RunSlice> {
  return (set, get) => {
    let handle: RunHandle | null = null;

    const finishWithoutSandbox = (
      id: number,
      { point, hookId, inputs }: { point: PointId; hookId: string; inputs: RunInputs },
      problem: InputProblem,
    ) =>
      set({
        run: {
          ...idleRun,
          status: 'done',
          id,
          point,
          hookId,
          inputs,
          startedAt: Date.now(),
          outcome: problem,
        },
      });

    return {
      run: idleRun,

      startRun: () => {
        const state = get();
        // One run at a time: Run turns into Cancel while a run is in flight.
        if (state.run.status === 'running') return;
        markRunStart();
        // A previous run may still be in its after-callback grace period; end it.
        handle?.cancel();
        handle = null;

        const id = state.run.id + 1;
        const hook = state.hooks[state.selectedHookId];
        if (!hook) return;
        const point = hook.pointId;
        const hookId = hook.id;
        const draft = hook.draft;
        const inputs = runInputsOf(hook);

        if (state.timeoutInput !== null) {
          return finishWithoutSandbox(
            id,
            { point, hookId, inputs },
            {
              status: 'not-started',
              field: 'timeout',
              message: timeoutProblem(state.timeoutInput),
              durationMs: 0,
            },
          );
        }
        let payload: JsonValue;
        try {
          payload = JSON.parse(draft.payloadText) as JsonValue;
        } catch (error) {
          return finishWithoutSandbox(
            id,
            { point, hookId, inputs },
            {
              status: 'not-started',
              field: 'payload',
              message: `The payload is not valid JSON: ${(error as Error).message}`,
              durationMs: 0,
            },
          );
        }

        const secrets = secretsForRun(draft.secrets);
        if (!secrets.ok) {
          return finishWithoutSandbox(
            id,
            { point, hookId, inputs },
            {
              status: 'not-started',
              field: 'secrets',
              message: secrets.message,
              durationMs: 0,
            },
          );
        }

        // Drafts from before the network settings have none: nothing mocked, network off.
        const network = NetworkSettingsSchema.safeParse(
          networkForRun((draft.network as NetworkSettings | undefined) ?? EMPTY_NETWORK),
        );
        if (!network.success) {
          return finishWithoutSandbox(
            id,
            { point, hookId, inputs },
            {
              status: 'not-started',
              field: 'network',
              message: `The HTTP mocks or module settings are invalid: ${network.error.issues
                .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
                .join('; ')}`,
              durationMs: 0,
            },
          );
        }

        const current = runner.run(
          {
            point,
            code: draft.code,
            payload,
            secrets: secrets.secrets,
            graceMs: GRACE_MS,
            storage: hook.storage,
            network: network.data,
          },
          {
            timeoutMs: state.timeoutMs,
            // The sandbox sends output in batches (at most one per stream every few dozen
            // milliseconds), so each batch is taken into the run as it arrives.
            onLog: (entries) => {
              if (get().run.id !== id || entries.length === 0) return;
              set((s) => ({ run: withLogs(s.run, entries) }));
            },
            // Also after the callback, during the grace period, like logs.
            onRequest: (entries, dropped) => {
              if (get().run.id !== id || (entries.length === 0 && dropped === 0)) return;
              set((s) => ({ run: withRequests(s.run, entries, dropped) }));
            },
            // Every successful storage.set is a real write, also after the callback (and
            // even if another run has started since): the hook's storage follows it.
            onStorage: (storage) => get().setStorage(hookId, storage),
          },
        );
        handle = current;
        // After the request is on its way: the store's listeners and React's render of
        // "Running…" then happen while the sandbox works, not before it starts.
        set({
          run: {
            ...idleRun,
            status: 'running',
            id,
            point,
            hookId,
            inputs,
            payload,
            secrets: secrets.secrets,
            network: network.data,
            startedAt: Date.now(),
          },
        });

        void current.outcome.then((outcome) => {
          set((s) =>
            s.run.id === id ? { run: { ...s.run, status: 'done', outcome, settling: true } } : s,
          );
        });
        void current.done.then(() => {
          if (handle === current) handle = null;
          set((s) => (s.run.id === id ? { run: { ...s.run, settling: false } } : s));
        });
      },

      cancelRun: () => {
        if (get().run.status === 'running') handle?.cancel();
      },
    };
  };
}

/** The run with a batch of console entries appended, as far as MAX_LOGS_KEPT allows. */
function withLogs(run: RunState, entries: LogEntry[]): RunState {
  const kept = capped(entries, MAX_LOGS_KEPT - run.logs.length);
  return {
    ...run,
    logs: kept.length > 0 ? [...run.logs, ...kept] : run.logs,
    droppedLogs: run.droppedLogs + entries.length - kept.length,
  };
}

/** Like withLogs; `dropped` counts what the sandbox already refused to forward. */
function withRequests(run: RunState, entries: OutboundEntry[], dropped: number): RunState {
  const kept = capped(entries, REQUEST_LIMITS.maxEntries - run.requests.length);
  return {
    ...run,
    requests: kept.length > 0 ? [...run.requests, ...kept] : run.requests,
    droppedRequests: run.droppedRequests + dropped + entries.length - kept.length,
  };
}

function capped<T>(batch: T[], room: number): T[] {
  return batch.length <= room ? batch : batch.slice(0, Math.max(0, room));
}

export function timeoutProblem(input: string): string {
  return `Timeout (ms) must be a whole number from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}${
    input.trim() === '' ? '' : `; "${input}" is not`
  }.`;
}
