import type { JsonValue, LogEntry, PointId, RunOutcome, StorageState } from '../schemas';
import type { OutboundEntry } from '../networkSchemas';
import { platformView } from '../platformView';
import type { Expectations, JsonMatch } from './expectationSchema';
import { jsonDiff, type JsonDifference } from './jsonDiff';
import { jsonMatchParts, matchesJson } from './jsonMatch';
import { matchesText } from './matchesText';
import { actualOutcome, matchesOutcome } from './matchOutcome';
import { matchesRequests, requestSummary } from './matchRequests';

/** What a finished run of a test gave: the parts expectations are checked against. */
export interface TestRunResult {
  pointId: PointId;
  /** The parsed payload the run was started with (the merged user starts from its user). */
  payload: JsonValue;
  outcome: RunOutcome;
  logs: readonly LogEntry[];
  requests: readonly OutboundEntry[];
  /** The webtask storage after the run; absent = nothing stored. */
  storage?: StorageState;
}

/**
 * The verdict on one expectation. `expectation` names it as the schema does ("response",
 * "claims.kept", "console[1]"); `expected` is the expectation as written and `actual` the
 * same part of the run (undefined where the run has none, e.g. no merged user after a denial).
 */
export interface ExpectationResult {
  expectation: string;
  passed: boolean;
  expected: unknown;
  actual: unknown;
  /**
   * For a failed JSON expectation (response, merged user, kept claims, storage): what differs,
   * the expected value unwrapped from its `equals` / `contains`.
   */
  differences?: JsonDifference[];
}

/** The parts of the platform's view of a run that expectations name. */
function viewParts(run: TestRunResult) {
  const view = platformView(run.pointId, run.payload, run.outcome);
  const error = run.outcome.status === 'failed' ? run.outcome.error : undefined;
  return {
    mergedUser: view.kind === 'merged-user' ? view.user : undefined,
    claims: view.kind === 'access-token-claims' ? view.claims : undefined,
    dropped: view.kind === 'access-token-claims' ? view.dropped.map((d) => d.key) : undefined,
    // As the results show it: a signup denial carries it only when passed to cb.
    messageToUser:
      view.kind === 'signup-denied'
        ? (view.friendlyMessage ?? null)
        : (error?.friendlyMessage ?? null),
  };
}

function sameNames(expected: readonly string[], actual: readonly string[] | undefined): boolean {
  if (actual === undefined || actual.length !== expected.length) return false;
  const sorted = [...actual].sort();
  return [...expected].sort().every((name, index) => name === sorted[index]);
}

/**
 * Checks each expectation the test names against the run, in the schema's order. A test
 * passes when every result passed; a test without expectations has no results.
 */
export function matchExpectations(
  expectations: Expectations,
  run: TestRunResult,
): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  const add = (expectation: string, passed: boolean, expected: unknown, actual: unknown) =>
    results.push({ expectation, passed, expected, actual });
  const json = (name: string, match: JsonMatch, actual: JsonValue | undefined) => {
    if (matchesJson(match, actual)) {
      add(name, true, match, actual);
      return;
    }
    const { expected, subset } = jsonMatchParts(match);
    const differences = jsonDiff(expected, actual, { subset });
    results.push({ expectation: name, passed: false, expected: match, actual, differences });
  };
  const view = viewParts(run);
  const { outcome } = run;

  if (expectations.outcome) {
    const expected = expectations.outcome;
    add('outcome', matchesOutcome(expected, run), expected, actualOutcome(run));
  }
  if (expectations.response) {
    json(
      'response',
      expectations.response,
      outcome.status === 'succeeded' ? outcome.response : undefined,
    );
  }
  if (expectations.mergedUser) json('mergedUser', expectations.mergedUser, view.mergedUser);
  if (expectations.claims?.kept) json('claims.kept', expectations.claims.kept, view.claims);
  if (expectations.claims?.dropped) {
    const expected = expectations.claims.dropped;
    add('claims.dropped', sameNames(expected, view.dropped), expected, view.dropped);
  }
  if (expectations.messageToUser !== undefined) {
    const expected = expectations.messageToUser;
    add('messageToUser', expected === view.messageToUser, expected, view.messageToUser);
  }
  expectations.console?.forEach((expected, index) => {
    const lines = run.logs.filter((log) => !expected.level || log.level === expected.level);
    const found = lines.find((log) => matchesText(expected, log.text));
    add(
      `console[${index}]`,
      found !== undefined,
      expected,
      found?.text ?? lines.map((l) => l.text),
    );
  });
  if (expectations.requests) {
    const expected = expectations.requests;
    add(
      'requests',
      matchesRequests(expected, run.requests),
      expected,
      requestSummary(run.requests),
    );
  }
  if (expectations.storage) json('storage', expectations.storage, run.storage?.data);
  return results;
}
