import { deliberateDenial } from '../../core/deliberateDenial';
import { missingModuleHeadline, missingModuleOf } from '../../core/missingModule';
import type { FailureKind, PointId } from '../../core/schemas';
import type { ShownOutcome } from '../../workspace/run/runState';
import type { Redactor } from '../redact';
import { code, text } from '../reproductionMarkdown';
import { codeBlock, jsonText } from './codeBlock';
import type { Parsed } from './parseJson';
import { MAX_PAYLOAD_CHARS, MAX_VALUE_CHARS } from './reportBudget';
import type { ReproductionRun } from './reproductionInput';

export function outcomeSection(
  run: ReproductionRun | null,
  pointId: PointId,
  draftPayload: Parsed,
  redactor: Redactor,
): string {
  if (run === null) return 'Not run yet.';
  const lines: string[] = [];
  if (run.point !== null && run.point !== pointId) {
    lines.push(`The last run was of another extensibility point (${code(run.point)}).`, '');
  }
  if (
    run.payload !== null &&
    (!draftPayload.ok || JSON.stringify(draftPayload.value) !== JSON.stringify(run.payload))
  ) {
    lines.push(
      'The payload changed since the run; the run used:',
      '',
      codeBlock(jsonText(redactor.json(run.payload)), 'json', MAX_PAYLOAD_CHARS),
      '',
    );
  }
  if (run.status === 'running' || run.outcome === null) {
    lines.push('Still running when this report was made; the output so far is below.');
    return lines.join('\n');
  }
  lines.push(...outcomeLines(run.outcome, run.point ?? pointId, redactor));
  return lines.join('\n');
}

const FAILURES: Record<FailureKind, string> = {
  'invalid-body': 'the platform’s body validation refused the payload',
  compile: 'the code does not compile',
  'not-a-function': 'module.exports is not a function',
  'callback-error': 'the hook called cb with an error',
  thrown: 'the hook threw',
  'async-throw': 'an exception escaped from a timer or callback',
  rejected: 'the promise the hook returned rejected',
  unserializable: 'the response cannot be turned into JSON',
};

function outcomeLines(outcome: ShownOutcome, pointId: PointId, redactor: Redactor): string[] {
  const duration = `${Math.round(outcome.durationMs)} ms`;
  switch (outcome.status) {
    case 'succeeded':
      return [
        `- Status: succeeded in ${duration}`,
        '',
        outcome.response === undefined
          ? 'Response: none (cb was called without a value).'
          : `Response:\n\n${codeBlock(jsonText(redactor.json(outcome.response)), 'json', MAX_VALUE_CHARS)}`,
      ];
    case 'failed': {
      const { error } = outcome;
      // The same words as the app's status line: a denial is an outcome, a missing module is
      // named as such (docs/runtime-semantics.md §8.5, §10).
      const denial = deliberateDenial(pointId, outcome);
      const missing = missingModuleOf(error);
      const why = missing !== undefined ? missingModuleHeadline(missing) : FAILURES[outcome.kind];
      const lines = [
        denial !== null
          ? `- Status: denied in ${duration} — ${text(denial)} (the hook called cb with ${code(error.name)})`
          : `- Status: failed in ${duration}: ${text(why)} (${code(outcome.kind)})`,
        `- Error: ${code(redactor.text(`${error.name}: ${error.message}`))}${
          error.location ? ` at line ${error.location.line}, column ${error.location.column}` : ''
        }`,
      ];
      if (error.friendlyMessage !== undefined) {
        lines.push(`- Message to the user: ${code(redactor.text(error.friendlyMessage))}`);
      }
      if (error.props !== undefined && Object.keys(error.props).length > 0) {
        lines.push(
          '',
          'Error properties:',
          '',
          codeBlock(jsonText(redactor.json(error.props)), 'json', MAX_VALUE_CHARS),
        );
      }
      return lines;
    }
    case 'timed-out':
      return [
        `- Status: timed out after ${duration}${outcome.hint !== undefined ? ` (${text(outcome.hint)})` : ''}`,
      ];
    case 'cancelled':
      return [`- Status: cancelled after ${duration}`];
    case 'crashed':
      return [
        `- Status: the sandbox crashed after ${duration}: ${text(redactor.text(outcome.message))}`,
      ];
    case 'not-started':
      return [`- Status: not started (${outcome.field}): ${text(redactor.text(outcome.message))}`];
  }
}
