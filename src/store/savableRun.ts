import type { TestRunResult } from '../core/testCases/matchExpectations';
import type { TestOverrides } from '../core/testCases/testCaseSchema';
import type { RunState } from '../workspace/run/runState';
import type { AppState } from './appState';

/** What "Save as test" starts from: the workbench's last run and the inputs it ran with. */
export interface SavableRun {
  hookId: string;
  run: TestRunResult;
  payloadText: string;
  overrides: TestOverrides;
}

/**
 * The inputs the run had beyond its code and payload, as overrides, so the saved test
 * reproduces the run even after the hook's settings change: each non-empty setting, and the
 * storage the run started with (a test's storage is otherwise empty). The network is always
 * off for a test; the timeout is the workspace's, as in the workbench.
 */
function overridesOf(run: RunState): TestOverrides {
  const { network } = run;
  return {
    ...(Object.keys(run.secrets).length > 0 && { secrets: run.secrets }),
    ...(network.mocks.length > 0 && { httpMocks: network.mocks }),
    ...(network.moduleMocks.length > 0 && { moduleMocks: network.moduleMocks }),
    ...(network.autoMocks.length > 0 && { autoMocks: network.autoMocks }),
    ...(run.storageBefore.data !== undefined && { storage: run.storageBefore }),
  };
}

let last: { run: RunState; hookId: string; savable: SavableRun | null } | null = null;

/**
 * The selected hook's last workbench run as a test would record it, or null when there is
 * none to save: no run of this hook, one still running or still in its post-callback grace
 * period (late console lines and writes would be missing), a cancelled one, or one that never
 * started. Stable for the same run, so components can select it.
 */
export function savableRunOf(state: AppState): SavableRun | null {
  const { run, selectedHookId } = state;
  if (last?.run === run && last.hookId === selectedHookId) return last.savable;
  last = { run, hookId: selectedHookId, savable: compute(run, selectedHookId) };
  return last.savable;
}

/** The contract's name for savableRunOf. */
export const savableRun = savableRunOf;

function compute(run: RunState, selectedHookId: string): SavableRun | null {
  const { outcome, point, inputs } = run;
  if (run.status !== 'done' || run.settling || run.hookId !== selectedHookId) return null;
  if (!outcome || outcome.status === 'not-started' || outcome.status === 'cancelled') return null;
  if (point === null || inputs === null || run.payload === null) return null;
  return {
    hookId: run.hookId,
    run: {
      pointId: point,
      payload: run.payload,
      outcome,
      logs: run.logs,
      requests: run.requests,
      ...(run.storageAfter.data !== undefined && { storage: run.storageAfter }),
    },
    payloadText: inputs.payloadText,
    overrides: overridesOf(run),
  };
}
