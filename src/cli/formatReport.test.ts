import { describe, expect, it } from 'vitest';
import { formatDuration, formatFailures, formatTable } from './formatReport';
import { errorReport, failedReport, passedReport, timedOutReport } from './reports.testSupport';

describe('formatTable', () => {
  it('lists hook, test, result and duration in aligned columns, then the summary', () => {
    const table = formatTable([passedReport, failedReport, timedOutReport]);
    expect(table.split('\n')).toEqual([
      'Hook              Test                              Result     Duration',
      '-----------------------------------------------------------------------',
      'signup-plan       gives new users the default plan  passed     12 ms',
      'signup-plan       uses the "plan" secret            FAILED     1.53 s',
      'password-changed  tells Slack                       TIMED OUT  2.00 s',
      '-----------------------------------------------------------------------',
      '1 passed, 1 failed, 1 timed out',
      '',
    ]);
  });

  it('counts a test that could not run apart', () => {
    expect(formatTable([passedReport, errorReport])).toContain(
      '1 passed, 0 failed, 1 could not run',
    );
  });
});

describe('formatFailures', () => {
  it('is empty when every test passed', () => {
    expect(formatFailures([passedReport])).toBe('');
  });

  it('shows Expected, Actual and the JSON diff of each failed expectation', () => {
    const text = formatFailures([passedReport, failedReport]);
    expect(text).toBe(
      [
        'FAILED  signup-plan › uses the "plan" secret',
        '  the run succeeded',
        '  response',
        '    Expected: {"equals":{"user":{"app_metadata":{"plan":"pro"}}}}',
        '    Actual:   {"user":{"app_metadata":{"plan":"free & <basic>"}}}',
        '    Differences:',
        '      user.app_metadata.plan: expected "pro", got "free & <basic>"',
        '',
      ].join('\n'),
    );
  });

  it('says how a timed-out run ended and why a test could not run', () => {
    const text = formatFailures([timedOutReport, errorReport]);
    expect(text).toContain(
      'TIMED OUT  password-changed › tells Slack\n  the run timed out after 2000 ms (the callback was never called)',
    );
    expect(text).toContain(
      'ERROR  password-changed › bad secrets\n  could not run: Secrets: row 1: The name is missing.',
    );
  });
});

describe('formatDuration', () => {
  it('uses milliseconds below a second and seconds above', () => {
    expect([
      formatDuration(0.4),
      formatDuration(999),
      formatDuration(1000),
      formatDuration(61_250),
    ]).toEqual(['0 ms', '999 ms', '1.00 s', '61.25 s']);
  });
});
