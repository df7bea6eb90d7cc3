import type { OutboundEntry } from '../networkSchemas';
import type { JsonValue, PointId, RunOutcome } from '../schemas';
import type { Comparison, Difference } from './comparisonSchemas';

/** One side of a comparison: what its run ended with and the requests it made. */
export interface ComparedRun {
  outcome: RunOutcome;
  requests: OutboundEntry[];
}

export interface CompareRunsInput {
  point: PointId;
  payload: JsonValue;
  hook: ComparedRun;
  action: ComparedRun;
}

// The outcome alone: the whole report in the platform's terms comes with the comparison rules.
export function compareRuns({ hook, action }: CompareRunsInput): Comparison {
  const differences: Difference[] = [];
  const shape = (outcome: RunOutcome) =>
    JSON.stringify(
      outcome.status === 'succeeded'
        ? { status: outcome.status, response: outcome.response }
        : outcome.status === 'failed'
          ? { status: outcome.status, message: outcome.error.message }
          : { status: outcome.status },
    );
  if (shape(hook.outcome) !== shape(action.outcome)) {
    differences.push({
      kind: 'outcome',
      text: `hook ${hook.outcome.status}, action ${action.outcome.status}`,
    });
  }
  return { equivalent: differences.length === 0, differences };
}
