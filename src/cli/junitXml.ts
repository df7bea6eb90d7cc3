import { failureText, outcomeText } from './formatReport';
import type { TestReport } from './testReport';

/**
 * Text for XML content and attribute values: the five markup characters escaped, and the
 * characters XML 1.0 forbids (most control characters, lone surrogates) replaced, since a
 * hook's output may contain anything.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

/** Content keeps its line breaks readable; attributes need them as references. */
const content = (text: string): string =>
  xmlEscape(text).replace(/&#10;/g, '\n').replace(/&#13;/g, '\r');

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join('');
}

/** The one-line message of a test that did not pass: its first failed expectation, or why it stopped. */
function failureMessage(report: TestReport): string {
  if (report.verdict === 'error') return `could not run: ${report.message ?? ''}`;
  if (report.verdict === 'timed-out' && report.outcome) return outcomeText(report.outcome);
  const failed = report.results.filter((r) => !r.passed).map((r) => r.expectation);
  return `expectation${failed.length === 1 ? '' : 's'} not met: ${failed.join(', ')}`;
}

function testcase(report: TestReport): string {
  const head = `    <testcase${attributes({ name: report.test, classname: report.hook, time: seconds(report.durationMs) })}`;
  if (report.verdict === 'passed') return `${head}/>`;
  const element = report.verdict === 'error' ? 'error' : 'failure';
  return [
    `${head}>`,
    `      <${element}${attributes({ message: failureMessage(report), type: report.verdict })}>${content(failureText(report))}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

function counts(reports: readonly TestReport[]) {
  return {
    tests: reports.length,
    failures: reports.filter((r) => r.verdict === 'failed' || r.verdict === 'timed-out').length,
    errors: reports.filter((r) => r.verdict === 'error').length,
    time: seconds(reports.reduce((total, r) => total + r.durationMs, 0)),
  };
}

/**
 * The reports as JUnit XML, as CI servers read it: `testsuites`, one `testsuite` per hook
 * (in the reports' order), one `testcase` per test. A failed or timed-out test has a
 * `failure` (its message names the failed expectations; its text holds Expected, Actual and
 * the differences); a test that could not start has an `error`.
 */
export function junitXml(reports: readonly TestReport[], timestamp: Date): string {
  const hooks = [...new Set(reports.map((r) => r.hook))];
  const suites = hooks.map((hook) => {
    const own = reports.filter((r) => r.hook === hook);
    return [
      `  <testsuite${attributes({ name: hook, ...counts(own), skipped: 0, timestamp: timestamp.toISOString() })}>`,
      ...own.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'hookpad', ...counts(reports) })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
