import type { OutboundEntry } from '../networkSchemas';
import type { JsonValue, PointId, RunOutcome } from '../schemas';
import { getPoint } from '../points';
import { platformView, type PlatformView } from '../platformView';
import { jsonDiff } from '../testCases/jsonDiff';
import { isJsonEqual, isJsonObject } from '../testCases/jsonMatch';
import type { Comparison, Difference } from './comparisonSchemas';
import { bothSides } from './comparisonText';
import { compareRequests } from './compareRequests';

// "Hook vs Action" (docs/runtime-semantics.md §18.9): both runs compared in the platform's
// terms. An Action's outcome is already the hook-equivalent of its api calls, so both sides go
// through platformView(); only what the platform acts on is compared — never console output,
// durations, a response's fields the platform ignores, or a post-* point's outcome.

/** One side of "Run both": its outcome (undefined = no result) and its outbound requests. */
export type RunSide = { outcome: RunOutcome | undefined; requests: OutboundEntry[] };

type State = 'succeeded' | 'failed' | 'timed-out' | 'cancelled' | 'crashed' | 'unfinished';

const VERB: Record<State, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  'timed-out': 'timed out',
  cancelled: 'was cancelled',
  crashed: 'crashed',
  unfinished: 'did not finish',
};

const stateOf = (outcome: RunOutcome | undefined): State => outcome?.status ?? 'unfinished';

function outcomeDifference(point: PointId, hook: State, action: State): Difference | undefined {
  if (hook === action) return undefined;
  const answered = (state: State) => state === 'succeeded' || state === 'failed';
  if (answered(hook) && answered(action)) {
    const [yes, no] = point === 'send-phone-message' ? ['sent', 'not sent'] : ['allowed', 'denied'];
    const word = (state: State) => (state === 'succeeded' ? yes : no);
    return { kind: 'outcome', text: `${word(hook)} by the hook, ${word(action)} by the action` };
  }
  return { kind: 'outcome', text: `the hook ${VERB[hook]}, the action ${VERB[action]}` };
}

const METADATA = ['user_metadata', 'app_metadata'] as const;

/** The merged users' metadata, leaf by leaf: "user_metadata.plan: hook 'gold', action — not set". */
function metadataDifferences(hookUser: JsonValue, actionUser: JsonValue): Difference[] {
  const pick = (user: JsonValue) => {
    const picked: Record<string, JsonValue> = {};
    for (const field of METADATA) {
      const value = isJsonObject(user) ? user[field] : undefined;
      picked[field] = value === undefined ? {} : value;
    }
    return picked;
  };
  return jsonDiff(pick(hookUser), pick(actionUser)).map((difference) => {
    const hook = difference.kind === 'unexpected' ? undefined : difference.expected;
    const action = difference.kind === 'missing' ? undefined : difference.actual;
    return {
      kind: 'metadata',
      path: difference.path,
      text: `${difference.path}: ${bothSides(hook, action)}`,
    };
  });
}

type Claims = Extract<PlatformView, { kind: 'access-token-claims' }>;

function claimDifferences(hook: Claims, action: Claims): Difference[] {
  const differences: Difference[] = [];
  const keys = new Set([...Object.keys(hook.claims), ...Object.keys(action.claims)]);
  for (const key of keys) {
    const ours = hook.claims[key];
    const theirs = action.claims[key];
    if (ours !== undefined && theirs !== undefined && isJsonEqual(ours, theirs)) continue;
    const text =
      theirs === undefined
        ? `claim ${key} only in the hook`
        : ours === undefined
          ? `claim ${key} only in the action`
          : `claim ${key}: ${bothSides(ours, theirs)}`;
    differences.push({ kind: 'claim', path: key, text });
  }
  // A dropped claim never reaches the token, but answering it at all is a sign the port strayed.
  const droppedBy = (view: Claims) => new Map(view.dropped.map((d) => [d.key, d.reason]));
  const hookDropped = droppedBy(hook);
  const actionDropped = droppedBy(action);
  for (const [key, reason] of hookDropped) {
    if (!actionDropped.has(key)) {
      differences.push({
        kind: 'claim',
        path: key,
        text: `dropped claim ${key} (${reason}) only in the hook`,
      });
    }
  }
  for (const [key, reason] of actionDropped) {
    if (!hookDropped.has(key)) {
      differences.push({
        kind: 'claim',
        path: key,
        text: `dropped claim ${key} (${reason}) only in the action`,
      });
    }
  }
  return differences;
}

function viewDifferences(hook: PlatformView, action: PlatformView): Difference[] {
  if (hook.kind === 'merged-user' && action.kind === 'merged-user') {
    return metadataDifferences(hook.user, action.user);
  }
  if (hook.kind === 'access-token-claims' && action.kind === 'access-token-claims') {
    return claimDifferences(hook, action);
  }
  const differences: Difference[] = [];
  const denial = (text: string) => differences.push({ kind: 'denial', text });
  if (hook.kind === 'signup-denied' && action.kind === 'signup-denied') {
    if (hook.friendlyMessage !== action.friendlyMessage) {
      denial(
        `message to the user: ${bothSides(hook.friendlyMessage, action.friendlyMessage, '— none')}`,
      );
    }
    if (hook.message !== action.message) {
      denial(`logged reason: ${bothSides(hook.message, action.message)}`);
    }
  }
  if (hook.kind === 'oauth-error' && action.kind === 'oauth-error') {
    if (hook.status !== action.status || hook.body.error !== action.body.error) {
      denial(
        `OAuth error: hook ${hook.status} ${hook.body.error}, action ${action.status} ${action.body.error}`,
      );
    }
    if (hook.body.error_description !== action.body.error_description) {
      denial(
        `OAuth error description: ${bothSides(hook.body.error_description, action.body.error_description)}`,
      );
    }
  }
  return differences;
}

/**
 * Every difference between the hook's run and its Action's on the same payload, one line
 * each; equivalent when there is none.
 */
export function compareRuns(input: {
  point: PointId;
  payload: JsonValue;
  hook: RunSide;
  action: RunSide;
}): Comparison {
  const { point, payload, hook, action } = input;
  const differences: Difference[] = [];
  // At post-* points an error is only logged: success and failure look the same to the user.
  if (getPoint(point).responseUse !== 'ignored') {
    const hookState = stateOf(hook.outcome);
    const actionState = stateOf(action.outcome);
    const outcome = outcomeDifference(point, hookState, actionState);
    if (outcome) differences.push(outcome);
    else {
      const views = [hook, action].map((side) => platformView(point, payload, side.outcome));
      differences.push(...viewDifferences(views[0]!, views[1]!));
    }
  }
  differences.push(...compareRequests(hook.requests, action.requests));
  return { equivalent: differences.length === 0, differences };
}
