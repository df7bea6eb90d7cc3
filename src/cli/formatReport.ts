import type { RunOutcome } from '../core/schemas';
import { formatJsonDiff } from '../core/testCases/jsonDiff';
import type { ExpectationResult } from '../core/testCases/matchExpectations';
import { summarize, summaryText, type TestReport, type Verdict } from './testReport';

const VERDICT_TEXT: Record<Verdict, string> = {
  passed: 'passed',
  failed: 'FAILED',
  'timed-out': 'TIMED OUT',
  error: 'ERROR',
};

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Columns padded to their widest cell, separated by two spaces. */
function columns(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** One line per test: hook, test, result, duration; then the summary. */
export function formatTable(reports: readonly TestReport[]): string {
  const rows = [
    ['Hook', 'Test', 'Result', 'Duration'],
    ...reports.map((r) => [r.hook, r.test, VERDICT_TEXT[r.verdict], formatDuration(r.durationMs)]),
  ];
  const [header, ...body] = columns(rows);
  const rule = '-'.repeat(header!.length);
  return [header, rule, ...body, rule, summaryText(summarize(reports))].join('\n') + '\n';
}

const json = (value: unknown): string =>
  value === undefined ? '(nothing)' : (JSON.stringify(value) ?? String(value));

/** How a run ended, in a few words, e.g. "timed out after 2000 ms (the callback was never called)". */
export function outcomeText(outcome: RunOutcome): string {
  switch (outcome.status) {
    case 'succeeded':
      return 'succeeded';
    case 'failed': {
      const { name, message, location } = outcome.error;
      const at = location ? ` (line ${location.line}:${location.column})` : '';
      return `failed: ${name}: ${message}${at}`;
    }
    case 'timed-out':
      return `timed out after ${Math.round(outcome.durationMs)} ms${outcome.hint ? ` (${outcome.hint})` : ''}`;
    case 'cancelled':
      return 'cancelled';
    case 'crashed':
      return `crashed: ${outcome.message}`;
  }
}

function failedExpectation(result: ExpectationResult): string[] {
  const lines = [
    `  ${result.expectation}`,
    `    Expected: ${json(result.expected)}`,
    `    Actual:   ${json(result.actual)}`,
  ];
  if (result.differences && result.differences.length > 0) {
    lines.push('    Differences:', ...indent(formatJsonDiff(result.differences), '      '));
  }
  return lines;
}

const indent = (text: string, by: string): string[] => text.split('\n').map((l) => by + l);

/** The failure text of one test that did not pass: the run's end, then each failed expectation. */
export function failureText(report: TestReport): string {
  if (report.verdict === 'error') return `  could not run: ${report.message ?? 'unknown reason'}`;
  const lines = report.outcome ? [`  the run ${outcomeText(report.outcome)}`] : [];
  for (const result of report.results) if (!result.passed) lines.push(...failedExpectation(result));
  return lines.join('\n');
}

/** Every test that did not pass, with what was expected and what the run gave; '' when all passed. */
export function formatFailures(reports: readonly TestReport[]): string {
  const failed = reports.filter((r) => r.verdict !== 'passed');
  if (failed.length === 0) return '';
  return (
    failed
      .map((r) => `${VERDICT_TEXT[r.verdict]}  ${r.hook} › ${r.test}\n${failureText(r)}`)
      .join('\n\n') + '\n'
  );
}
