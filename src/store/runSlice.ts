import type { StateCreator } from 'zustand';
import {
  MAX_TIMEOUT_MS,
  MIN_TIMEOUT_MS,
  type LogEntry,
  type PointId,
  type RunRequest,
} from '../core/schemas';
import type { OutboundEntry } from '../core/networkSchemas';
import { MAX_LOGS_KEPT, REQUEST_LIMITS } from '../core/outputLimits';
import type { RunHandle, Runner } from '../sandbox/runner';
import type { InputProblem, RunState } from '../workspace/run/runState';
import { runInputsOf, type RunInputs } from '../workspace/run/runInputs';
import { markRunStart } from '../perf/runTiming';
import type { AppState } from './appState';
import { EMPTY_NETWORK } from '../workspace/draft/network';
import { prepareRun } from '../workspace/run/prepareRun';
import { runDependencySource, withPackageTree } from './runPackages';
import { requiresOf } from '../workspace/run/runState';

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
  storageBefore: {},
  storageAfter: {},
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
        // What the code pane shows is what runs.
        const inputs = runInputsOf(hook, state.codeTab);

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
        const prepared = prepareRun(inputs, hook.storage, GRACE_MS);
        if (!prepared.ok)
          return finishWithoutSandbox(id, { point, hookId, inputs }, prepared.problem);
        const { payload, secrets, network } = prepared;
        const running: RunState = {
          ...idleRun,
          status: 'running',
          id,
          point,
          hookId,
          inputs,
          payload,
          secrets,
          network,
          storageBefore: hook.storage,
          storageAfter: hook.storage,
          startedAt: Date.now(),
        };

        const launch = (request: RunRequest) => {
          const current = runner.run(request, {
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
            onStorage: (storage) => {
              get().setStorage(hookId, storage);
              set((s) => (s.run.id === id ? { run: { ...s.run, storageAfter: storage } } : s));
            },
          });
          handle = current;
          // After the request is on its way: the store's listeners and React's render of
          // "Running…" then happen while the sandbox works, not before it starts.
          set({ run: { ...running, startedAt: Date.now() } });

          void current.outcome.then((outcome) => {
            set((s) =>
              s.run.id === id ? { run: { ...s.run, status: 'done', outcome, settling: true } } : s,
            );
          });
          void current.done.then(() => {
            if (handle === current) handle = null;
            set((s) => (s.run.id === id ? { run: { ...s.run, settling: false } } : s));
          });
        };

        const lastRequires =
          state.run.hookId === hookId ? requiresOf(state.run.outcome) : undefined;
        const packaged = withPackageTree(
          prepared.request,
          state.packageTreeFor(runDependencySource(hook, inputs, lastRequires)),
        );
        if (!(packaged instanceof Promise)) {
          // Checked by withPackageTree's type: a tree in memory (or none needed) cannot fail.
          if (packaged.ok) launch(packaged.request);
          return;
        }
        // The first run after the stored packages changed reads them from storage once;
        // the sandbox, if it has not loaded yet, loads meanwhile rather than after.
        runner.prepare?.();
        set({ run: running });
        let cancelled = false;
        const waiting: RunHandle = {
          outcome: new Promise(() => {}),
          done: Promise.resolve(),
          cancel: () => {
            cancelled = true;
            handle = null;
            set((s) =>
              s.run.id === id
                ? {
                    run: {
                      ...s.run,
                      status: 'done',
                      outcome: { status: 'cancelled', durationMs: 0 },
                    },
                  }
                : s,
            );
          },
        };
        handle = waiting;
        void packaged.then((ready) => {
          if (cancelled || get().run.id !== id) return;
          if (handle === waiting) handle = null;
          if (ready.ok) launch(ready.request);
          else
            finishWithoutSandbox(
              id,
              { point, hookId, inputs },
              {
                status: 'not-started',
                field: 'dependencies',
                message: ready.message,
                durationMs: 0,
              },
            );
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
