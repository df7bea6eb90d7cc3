import { getPoint } from '../core/points';
import { validateBody } from '../core/validateBody';
import type { PointId, RunOutcome, StorageState } from '../core/schemas';
import type { NetworkSettings } from '../core/networkSchemas';
import type { AppState } from './appState';
import { networkForRun } from '../workspace/draft/network';
import type { RunState, ShownOutcome } from '../workspace/run/runState';
import { timeoutProblem } from './runSlice';
import type { SecretRow } from '../workspace/draft/secrets';
import type { HookRecord } from '../workspace/hookRecord';
import { deliberateDenial } from '../core/deliberateDenial';
import { editedSince } from '../workspace/run/runInputs';

export { savableRun, savableRunOf, type SavableRun } from './savableRun';

/** The selected hook (a workspace always has one). */
export const selectHook = (state: AppState): HookRecord =>
  state.hooks[state.selectedHookId] ?? Object.values(state.hooks)[0]!;
export const selectHookId = (state: AppState): string => selectHook(state).id;
export const selectPointId = (state: AppState): PointId => selectHook(state).pointId;
export const selectCode = (state: AppState): string => selectHook(state).draft.code;
export const selectPayloadText = (state: AppState): string => selectHook(state).draft.payloadText;
export const selectSecretRows = (state: AppState): SecretRow[] => selectHook(state).draft.secrets;
export const selectStorage = (state: AppState): StorageState => selectHook(state).storage;
/** The hook's network settings as the user edits them (empty rows included). */
export const selectNetworkDraft = (state: AppState, hookId: string): NetworkSettings =>
  (state.hooks[hookId] ?? selectHook(state)).draft.network;

const runNetworks = new WeakMap<NetworkSettings, NetworkSettings>();
/**
 * The hook's network settings as a run uses them (`RunRequest.network`): module rows
 * without a name, repeated names and auto-mocked modules' code left out. Stable per draft.
 */
export function selectNetworkSettings(state: AppState, hookId: string): NetworkSettings {
  const draft = selectNetworkDraft(state, hookId);
  let settings = runNetworks.get(draft);
  if (settings === undefined) {
    settings = networkForRun(draft);
    runNetworks.set(draft, settings);
  }
  return settings;
}

export const selectRun = (state: AppState): RunState => state.run;
export const selectIsRunning = (state: AppState): boolean => state.run.status === 'running';

let lastEditCheck: { run: RunState; hook: HookRecord; edited: boolean } | null = null;

/**
 * Whether the hook the run ran has been edited since (code, payload, secrets, mocks, modules
 * or point): its results then describe inputs the editors no longer show. The run's own
 * storage writes are not edits. A deleted hook has nothing to compare.
 */
export function selectEditedSinceRun(state: AppState): boolean {
  const { run } = state;
  if (run.status === 'idle' || run.inputs === null || run.hookId === null) return false;
  const hook = state.hooks[run.hookId];
  if (!hook) return false;
  if (lastEditCheck?.run !== run || lastEditCheck.hook !== hook) {
    lastEditCheck = { run, hook, edited: editedSince(run.inputs, hook) };
  }
  return lastEditCheck.edited;
}

/** The platform's refusal when the run denied on purpose ("Signup denied", "invalid_scope"…). */
export function runDenial(run: RunState): string | null {
  const { point, outcome } = run;
  if (point === null || !outcome || outcome.status === 'not-started') return null;
  return deliberateDenial(point, outcome);
}

/** The timeout field's problem in words, or null when the field holds a valid timeout. */
export const selectTimeoutProblem = (state: AppState): string | null =>
  state.timeoutInput === null ? null : timeoutProblem(state.timeoutInput);

/** The text the timeout field shows: what the user typed, or the valid timeout. */
export const selectTimeoutText = (state: AppState): string =>
  state.timeoutInput ?? String(state.timeoutMs);

let lastPayloadCheck: { pointId: PointId; text: string; problem: string | null } | null = null;

/**
 * What is wrong with the current payload, in words: a JSON syntax error or the platform's
 * body validation message. Null when the payload would be accepted. Memoized on the last
 * input because it runs on every store change.
 */
export function selectPayloadProblem(state: AppState): string | null {
  const { pointId, draft } = selectHook(state);
  const text = draft.payloadText;
  if (lastPayloadCheck?.pointId === pointId && lastPayloadCheck.text === text) {
    return lastPayloadCheck.problem;
  }
  lastPayloadCheck = { pointId, text, problem: payloadProblem(pointId, text) };
  return lastPayloadCheck.problem;
}

export function payloadProblem(pointId: PointId, text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
  const checked = validateBody(getPoint(pointId), body);
  return checked.ok ? null : checked.message;
}

export const IDLE_HINT = 'Press Ctrl+Enter to run';

/**
 * The status line of a run: "Running…", the hint before the first run, a deliberate denial
 * ("Denied in 12 ms — Signup denied"), or the run's own verdict followed by the platform's
 * where it adds one ("Failed in 12 ms — Signup denied" for a signup hook that threw).
 */
export function runStatusText(run: RunState): string {
  const action = run.inputs?.kind === 'action';
  if (run.status === 'running') return action ? 'Running the Action…' : 'Running…';
  const text = hookRunStatusText(run);
  return action && run.outcome ? `Action: ${text}` : text;
}

function hookRunStatusText(run: RunState): string {
  const { outcome } = run;
  if (!outcome) return IDLE_HINT;
  if (outcome.status === 'not-started' || run.point === null) return outcomeStatusText(outcome);
  return outcomeLine(run.point, outcome);
}

/** A finished run's outcome in one line, with the platform's denial when there is one. */
export function outcomeLine(point: PointId, outcome: RunOutcome): string {
  const denial = deliberateDenial(point, outcome);
  if (denial !== null) return `Denied in ${Math.round(outcome.durationMs)} ms — ${denial}`;
  const signupDenied = outcome.status === 'failed' && getPoint(point).responseUse === 'merged-user';
  return `${outcomeStatusText(outcome)}${signupDenied ? ' — Signup denied' : ''}`;
}

/** The words of the status line for a finished run. */
export function outcomeStatusText(outcome: ShownOutcome): string {
  const ms = Math.round(outcome.durationMs);
  switch (outcome.status) {
    case 'succeeded':
      return `Succeeded in ${ms} ms`;
    case 'failed':
    case 'not-started':
      return `Failed in ${ms} ms`;
    case 'timed-out':
      return `Timed out after ${ms} ms`;
    case 'cancelled':
      return 'Cancelled';
    case 'crashed':
      return 'Sandbox crashed (out of memory?)';
  }
}

/**
 * The code the code editor shows: the Action's on the Action tab of a hook that has one,
 * else the hook's (the Action tab of a hook without one shows "Port to Action" instead).
 */
export const selectCodeModelKind = (state: AppState): 'hook' | 'action' =>
  state.codeTab === 'action' && state.hooks[state.selectedHookId]?.draft.action !== undefined
    ? 'action'
    : 'hook';
