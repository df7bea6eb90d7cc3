import { describe, expect, it } from 'vitest';
import { summarize, summaryText } from './testReport';
import { errorReport, failedReport, passedReport, timedOutReport } from './reports.testSupport';

describe('summaryText', () => {
  it('says "N passed, M failed", and timed-out and unrunnable tests only when there are any', () => {
    expect(summaryText(summarize([passedReport, failedReport]))).toBe('1 passed, 1 failed');
    expect(summaryText(summarize([timedOutReport, errorReport, failedReport]))).toBe(
      '0 passed, 1 failed, 1 timed out, 1 could not run',
    );
  });
});
