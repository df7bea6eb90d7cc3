// Test support (not shipped): runs a gallery example through the engine the way the app does.
import { executeHook, type ExecuteHookOptions } from '../executeHook';
import { getPoint } from '../points';
import { platformView, type PlatformView } from '../platformView';
import type { EngineOutcome, JsonValue, LogEntry, StorageState } from '../schemas';
import type { OutboundEntry } from '../networkSchemas';
import type { RunKind } from '../actions/actionSchemas';
import { executeAction } from '../actions/executeAction';
import { exampleAction } from './exampleAction';
import type { HookExample } from './types';

export const GRACE_MS = 200;
/** How long a run may take in tests when the example sets no timeout of its own. */
const DEFAULT_LIMIT_MS = 5_000;

export interface ExampleRun {
  /** undefined = the run had not settled when the example's timeout passed. */
  outcome: EngineOutcome | undefined;
  logs: LogEntry[];
  /** Every state reported through `onStorage`, in order. */
  stored: StorageState[];
  /** Every outbound request or SDK call, in order. */
  requests: OutboundEntry[];
}

/** `onStorage` is part of the runtime work; declared here so this compiles before and after. */
type Options = ExecuteHookOptions & { onStorage?(state: StorageState): void };

export function payloadOf(example: HookExample): JsonValue {
  return example.payload ?? getPoint(example.point).defaultPayload;
}

export function viewOf(example: HookExample, outcome: EngineOutcome | undefined): PlatformView {
  return platformView(example.point, payloadOf(example), outcome);
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

/** Runs the example's hook, or with `kind: 'action'` its Action (exampleAction), on its inputs. */
export async function runExample(
  example: HookExample,
  overrides: { storage?: StorageState | null; kind?: RunKind } = {},
): Promise<ExampleRun> {
  const logs: LogEntry[] = [];
  const stored: StorageState[] = [];
  const requests: OutboundEntry[] = [];
  const storage = overrides.storage === null ? undefined : (overrides.storage ?? example.storage);
  const options: Options = {
    onLog: (entry) => logs.push(entry),
    onStorage: (state) => stored.push(state),
    onRequest: (entry) => requests.push(entry),
  };
  const asAction = overrides.kind === 'action';
  const execute = asAction ? executeAction : executeHook;
  const hook = execute(
    {
      point: example.point,
      code: asAction ? exampleAction(example).code : example.code,
      ...(asAction ? { kind: 'action' as const } : {}),
      payload: payloadOf(example),
      secrets: example.secrets ?? {},
      graceMs: GRACE_MS,
      ...(storage ? { storage } : {}),
    },
    options,
  );
  const outcome = await Promise.race([hook.settled, delay(example.timeoutMs ?? DEFAULT_LIMIT_MS)]);
  if (outcome) await hook.finished;
  return { outcome, logs, stored, requests };
}

/** The log lines as text, with "(after callback)" appended where the engine marked them. */
export function logLines(run: ExampleRun): string[] {
  return run.logs.map((entry) => entry.text + (entry.afterCallback ? ' (after callback)' : ''));
}
