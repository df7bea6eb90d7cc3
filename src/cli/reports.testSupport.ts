import { jsonDiff } from '../core/testCases/jsonDiff';
import type { TestReport } from './testReport';

/** Reports of one run of each kind, as runSuites makes them. */
export const passedReport: TestReport = {
  hook: 'signup-plan',
  test: 'gives new users the default plan',
  verdict: 'passed',
  durationMs: 12.4,
  results: [
    {
      expectation: 'outcome',
      passed: true,
      expected: { status: 'succeeded' },
      actual: { status: 'succeeded' },
    },
  ],
  outcome: { status: 'succeeded', response: {}, durationMs: 12.4 },
};

const expected = { user: { app_metadata: { plan: 'pro' } } };
const actual = { user: { app_metadata: { plan: 'free & <basic>' } } };
export const failedReport: TestReport = {
  hook: 'signup-plan',
  test: 'uses the "plan" secret',
  verdict: 'failed',
  durationMs: 1534,
  results: [
    {
      expectation: 'response',
      passed: false,
      expected: { equals: expected },
      actual,
      differences: jsonDiff(expected, actual),
    },
  ],
  outcome: { status: 'succeeded', response: actual, durationMs: 1534 },
};

export const timedOutReport: TestReport = {
  hook: 'password-changed',
  test: 'tells Slack',
  verdict: 'timed-out',
  durationMs: 2000,
  results: [
    {
      expectation: 'outcome',
      passed: false,
      expected: { status: 'succeeded' },
      actual: { status: 'timed-out' },
    },
  ],
  outcome: { status: 'timed-out', durationMs: 2000, hint: 'the callback was never called' },
};

export const errorReport: TestReport = {
  hook: 'password-changed',
  test: 'bad secrets',
  verdict: 'error',
  durationMs: 0,
  results: [],
  message: 'Secrets: row 1: The name is missing.',
};
