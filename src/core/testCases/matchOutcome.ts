import { deliberateDenial } from '../deliberateDenial';
import type { PointId, RunOutcome } from '../schemas';
import type { OutcomeExpectation } from './expectationSchema';
import { matchesText } from './matchesText';

/** A run's outcome in the words of an outcome expectation; "cancelled" is never expected. */
export type ActualOutcome =
  | { status: 'succeeded' }
  | { status: 'denied'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'timed-out' }
  | { status: 'cancelled' };

/**
 * How the run ended, as a test sees it: a deliberate denial (the point's error class passed to
 * cb) is "denied"; any other error, and a crash of the sandbox, is "failed".
 */
export function actualOutcome(run: { pointId: PointId; outcome: RunOutcome }): ActualOutcome {
  const { outcome } = run;
  switch (outcome.status) {
    case 'succeeded':
    case 'timed-out':
    case 'cancelled':
      return { status: outcome.status };
    case 'crashed':
      return { status: 'failed', message: outcome.message };
    case 'failed': {
      const denied = deliberateDenial(run.pointId, outcome) !== null;
      return { status: denied ? 'denied' : 'failed', message: outcome.error.message };
    }
  }
}

export function matchesOutcome(
  expected: OutcomeExpectation,
  run: { pointId: PointId; outcome: RunOutcome },
): boolean {
  const actual = actualOutcome(run);
  if (expected.status === 'denied' && actual.status === 'denied') {
    return expected.message === undefined || expected.message === actual.message;
  }
  if (expected.status === 'failed' && actual.status === 'failed') {
    return expected.message === undefined || matchesText(expected.message, actual.message);
  }
  // An expected denial or failure that gets here met another status.
  return expected.status === actual.status;
}
