import { platformView } from '../platformView';
import type { Expectations, OutcomeExpectation } from './expectationSchema';
import type { TestRunResult } from './matchExpectations';
import { actualOutcome } from './matchOutcome';
import { requestSummary } from './matchRequests';

/** The parts of a run "Save as test" can turn into expectations, in the schema's order. */
export const SAVED_PARTS = [
  'outcome',
  'response',
  'mergedUser',
  'claims',
  'messageToUser',
  'console',
  'requests',
  'storage',
] as const;
export type SavedPart = (typeof SAVED_PARTS)[number];

/** Console lines saved at most: a chatty hook would otherwise give an unreadable test. */
export const MAX_SAVED_CONSOLE_LINES = 20;

/** The outcome as it happened; a cancelled run has none a test could expect. */
function outcomeOf(run: TestRunResult): OutcomeExpectation | undefined {
  const actual = actualOutcome(run);
  switch (actual.status) {
    case 'cancelled':
      return undefined;
    case 'denied':
    case 'failed':
      // The message exactly: a user loosens it to a fragment or a pattern if needed.
      return { status: actual.status, message: actual.message };
    default:
      return { status: actual.status };
  }
}

/** Every part the run has, as a snapshot; parts the run lacks are absent. */
function snapshotOf(run: TestRunResult): Expectations {
  const view = platformView(run.pointId, run.payload, run.outcome);
  const { outcome } = run;
  const snapshot: Expectations = {};
  const expectedOutcome = outcomeOf(run);
  if (expectedOutcome) snapshot.outcome = expectedOutcome;
  if (outcome.status === 'succeeded' && outcome.response !== undefined) {
    snapshot.response = { equals: outcome.response };
  }
  if (view.kind === 'merged-user') snapshot.mergedUser = { equals: view.user };
  if (view.kind === 'access-token-claims') {
    snapshot.claims = { kept: { equals: view.claims }, dropped: view.dropped.map((d) => d.key) };
  }
  // Only where the platform would show the user a message (or could, and shows none).
  if (view.kind === 'signup-denied') snapshot.messageToUser = view.friendlyMessage ?? null;
  else if (outcome.status === 'failed' && outcome.error.friendlyMessage !== undefined) {
    snapshot.messageToUser = outcome.error.friendlyMessage;
  }
  if (run.logs.length > 0) {
    snapshot.console = run.logs
      .slice(0, MAX_SAVED_CONSOLE_LINES)
      .map((line) => ({ contains: line.text }));
  }
  // A request without a method cannot be written as an expectation; leaving it out keeps the
  // others in order. Method and URL only: bodies often carry timestamps or ids that change.
  const requests = requestSummary(run.requests).filter(({ method }) => method !== '');
  if (requests.length > 0) snapshot.requests = requests.map(({ method, url }) => ({ method, url }));
  if (run.storage?.data !== undefined) snapshot.storage = { equals: run.storage.data };
  return snapshot;
}

/** The parts that make sense for this run, so the dialog offers only those. */
export function availableParts(run: TestRunResult): SavedPart[] {
  const snapshot = snapshotOf(run);
  return SAVED_PARTS.filter((part) => snapshot[part] !== undefined);
}

/**
 * The expectations "Save as test" writes for the chosen parts: each a snapshot of the run
 * (JSON as `equals`, console lines as `contains`, requests by method and exact URL) that this
 * same run passes. Chosen parts the run does not have are left out.
 */
export function expectationsFromRun(run: TestRunResult, parts: Iterable<SavedPart>): Expectations {
  const snapshot = snapshotOf(run);
  const chosen = new Set(parts);
  const expectations: Expectations = {};
  for (const part of SAVED_PARTS) {
    if (chosen.has(part) && snapshot[part] !== undefined) {
      Object.assign(expectations, { [part]: snapshot[part] });
    }
  }
  return expectations;
}
