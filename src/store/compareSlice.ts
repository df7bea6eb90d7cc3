import type { StateCreator } from 'zustand';
import type { ApiCall } from '../core/actions/actionSchemas';
import type { Comparison } from '../core/actions/comparisonSchemas';
import type { OutboundEntry } from '../core/networkSchemas';
import type { JsonValue, LogEntry, RunOutcome } from '../core/schemas';
import type { Runner } from '../sandbox/runner';
import type { HookRecord } from '../workspace/hookRecord';
import { prepareRun } from '../workspace/run/prepareRun';
import { runDependencySource, withPackageTree, type PackagedRequest } from './runPackages';
import { editedSince, runInputsOf, type RunInputs } from '../workspace/run/runInputs';
import type { AppState } from './appState';
import { collectRun, type CollectedRun, type CollectingRun } from './collectRun';
import { GRACE_MS, timeoutProblem } from './runSlice';

/** What one side of "Run both" did. */
export interface ComparedSide {
  outcome: RunOutcome;
  requests: OutboundEntry[];
  logs: LogEntry[];
  /** The Action's `api` calls in order; none for the hook. */
  apiCalls: ApiCall[];
}

/** What both sides were started with: a later edit of any of it outdates the comparison. */
export interface ComparisonInputs {
  hook: RunInputs;
  action: RunInputs;
  payload: JsonValue;
  /** The secrets both sides ran with: what the display masks. */
  secrets: Record<string, string>;
}

export type ComparisonState =
  | { status: 'idle' }
  | { status: 'running'; hookId: string }
  | {
      status: 'done';
      hookId: string;
      hook: ComparedSide;
      action: ComparedSide;
      report: Comparison;
      inputs: ComparisonInputs;
    }
  /** Neither side ran: an input could not be used (the payload is not JSON, …). */
  | { status: 'not-started'; hookId: string; message: string };

/** "Run both": the selected hook's Hook and Action on the same inputs, and how they differ. */
export interface CompareSlice {
  comparison: ComparisonState;
  /**
   * Runs the selected hook's draft and its Action draft at once on the test runner (never the
   * workbench's, so neither run cancels the other), each from the hook's storage; neither
   * writes storage back. Nothing happens without an Action draft or while a comparison runs.
   */
  runBoth(): void;
  /** Stops both sides; the comparison goes back to idle. */
  cancelRunBoth(): void;
}

const sideOf = ({ outcome, requests, logs }: CollectedRun): ComparedSide => ({
  outcome,
  requests,
  logs,
  apiCalls:
    (outcome.status === 'succeeded' || outcome.status === 'failed'
      ? outcome.apiCalls
      : undefined) ?? [],
});

export function createCompareSlice(runner: Runner): StateCreator<AppState, [], [], CompareSlice> {
  return (set, get) => {
    let current = 0;
    let handles: CollectingRun[] = [];

    async function compare(id: number, hook: HookRecord) {
      const hookId = hook.id;
      const inputs = { hook: runInputsOf(hook), action: runInputsOf(hook, 'action') };
      const notStarted = (message: string) =>
        set({ comparison: { status: 'not-started', hookId, message } });
      const { timeoutInput, timeoutMs } = get();
      if (timeoutInput !== null) return notStarted(timeoutProblem(timeoutInput));
      const onHook = prepareRun(inputs.hook, hook.storage, GRACE_MS);
      if (!onHook.ok) return notStarted(onHook.problem.message);
      const onAction = prepareRun(inputs.action, hook.storage, GRACE_MS);
      if (!onAction.ok) return notStarted(onAction.problem.message);

      // Each side gets the stored packages its own dependencies need.
      const sides = (
        [
          [onHook, inputs.hook],
          [onAction, inputs.action],
        ] as const
      ).map(([prepared, sideInputs]) =>
        withPackageTree(
          prepared.request,
          get().packageTreeFor(runDependencySource(hook, sideInputs)),
        ),
      );
      // Only the first run after the stored packages changed waits for storage.
      const packaged = sides.some((side) => side instanceof Promise)
        ? await Promise.all(sides)
        : (sides as PackagedRequest[]);
      if (id !== current) return;
      const requests = packaged.flatMap((side) => (side.ok ? [side.request] : []));
      const refused = packaged.find((side) => !side.ok);
      if (refused !== undefined && !refused.ok) return notStarted(refused.message);

      try {
        // No onStorage: each side's writes stay in its own run.
        handles = requests.map((request) => collectRun(runner, request, { timeoutMs }));
      } catch (error) {
        handles.forEach((handle) => handle.cancel());
        return notStarted(
          `Run both could not start: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      set({ comparison: { status: 'running', hookId } });
      const [hookRun, actionRun] = await Promise.all(handles.map((handle) => handle.result));
      // The report's rules load with the first comparison: the page paints without them.
      const { compareRuns } = await import('../core/actions/compareRuns');
      if (id !== current) return;
      handles = [];
      const hookSide = sideOf(hookRun!);
      const actionSide = sideOf(actionRun!);
      set({
        comparison: {
          status: 'done',
          hookId,
          hook: hookSide,
          action: actionSide,
          report: compareRuns({
            point: hook.pointId,
            payload: onHook.payload,
            hook: hookSide,
            action: actionSide,
          }),
          inputs: { ...inputs, payload: onHook.payload, secrets: onHook.secrets },
        },
      });
    }

    return {
      comparison: { status: 'idle' },

      runBoth: () => {
        const state = get();
        const hook = state.hooks[state.selectedHookId];
        if (!hook?.draft.action || state.comparison.status === 'running') return;
        void compare(++current, hook);
      },

      cancelRunBoth: () => {
        if (get().comparison.status !== 'running') return;
        current += 1;
        handles.forEach((handle) => handle.cancel());
        handles = [];
        set({ comparison: { status: 'idle' } });
      },
    };
  };
}

/** Whether the hook's draft or Action changed since the comparison started. */
export function comparisonEdited(
  comparison: ComparisonState,
  hook: Pick<HookRecord, 'pointId' | 'draft'> | undefined,
): boolean {
  if (comparison.status !== 'done' || hook === undefined) return false;
  return editedSince(comparison.inputs.hook, hook) || editedSince(comparison.inputs.action, hook);
}
