import { describe, expect, test } from 'vitest';
import { ExpectationsSchema } from './expectationSchema';
import {
  availableParts,
  expectationsFromRun,
  MAX_SAVED_CONSOLE_LINES,
  SAVED_PARTS,
} from './expectationsFromRun';
import { matchExpectations, type TestRunResult } from './matchExpectations';
import { failed, http, log, runOf, sdkCall, succeeded } from './testRun.testSupport';

const busy = {
  logs: [log('looking up the plan'), log('plan: pro', 'warn', 1)],
  requests: [
    http('POST', 'https://billing.example.com/plan', '{"at":123}'),
    sdkCall('messages.create'),
  ],
  storage: { data: { signups: 2 }, etag: 'e2' },
};

const runs: Record<string, TestRunResult> = {
  succeeded: runOf(succeeded({ user: { app_metadata: { plan: 'pro' } } }), busy),
  'succeeded without a response': runOf(succeeded()),
  denied: runOf(failed('PreUserRegistrationError', 'No.', 'callback-error', 'Sorry'), busy),
  'denied without a message to the user': runOf(failed('PreUserRegistrationError', 'No.')),
  failed: runOf(failed('TypeError', 'x is undefined', 'thrown'), busy),
  crashed: runOf({ status: 'crashed', message: 'Out of memory', durationMs: 3 }),
  'timed out': runOf({ status: 'timed-out', durationMs: 3, hint: 'no cb' }, busy),
  'credentials exchange': {
    pointId: 'credentials-exchange',
    payload: { client: { id: 'c' } },
    outcome: succeeded({ scope: ['read'], 'https://example.com/plan': 'pro', plain: 1 }),
    logs: [],
    requests: [],
  },
  'credentials exchange denied': {
    pointId: 'credentials-exchange',
    payload: { client: { id: 'c' } },
    outcome: failed('InvalidRequestError', 'bad client'),
    logs: [],
    requests: [],
  },
  'post-login style point that ignores the response': {
    ...runOf(succeeded({ ok: true }), busy),
    pointId: 'post-user-registration',
  },
};

describe('expectationsFromRun', () => {
  test.each(Object.entries(runs))(
    'a %s run passes every expectation saved from it, each part alone and all together',
    (_name, run) => {
      const parts = availableParts(run);
      for (const chosen of [...parts.map((part) => [part]), parts]) {
        const expectations = ExpectationsSchema.parse(expectationsFromRun(run, chosen));
        expect(Object.keys(expectations)).toEqual(chosen);
        const results = matchExpectations(expectations, run);
        expect(results.filter((result) => !result.passed)).toEqual([]);
        expect(results.length).toBeGreaterThan(0);
      }
    },
  );

  test('parts that make sense for each run', () => {
    const available = Object.fromEntries(
      Object.entries(runs).map(([name, run]) => [name, availableParts(run)]),
    );
    expect(available).toEqual({
      succeeded: ['outcome', 'response', 'mergedUser', 'console', 'requests', 'storage'],
      'succeeded without a response': ['outcome', 'mergedUser'],
      denied: ['outcome', 'messageToUser', 'console', 'requests', 'storage'],
      'denied without a message to the user': ['outcome', 'messageToUser'],
      failed: ['outcome', 'messageToUser', 'console', 'requests', 'storage'],
      crashed: ['outcome'],
      'timed out': ['outcome', 'console', 'requests', 'storage'],
      'credentials exchange': ['outcome', 'response', 'claims'],
      'credentials exchange denied': ['outcome'],
      'post-login style point that ignores the response': [
        'outcome',
        'response',
        'console',
        'requests',
        'storage',
      ],
    });
  });

  test('snapshots: JSON as equals, console lines as contains, requests without bodies', () => {
    expect(expectationsFromRun(runs.succeeded!, SAVED_PARTS)).toEqual({
      outcome: { status: 'succeeded' },
      response: { equals: { user: { app_metadata: { plan: 'pro' } } } },
      mergedUser: { equals: { email: 'a@b.c', app_metadata: { plan: 'pro' } } },
      console: [{ contains: 'looking up the plan' }, { contains: 'plan: pro' }],
      requests: [{ method: 'POST', url: 'https://billing.example.com/plan' }],
      storage: { equals: { signups: 2 } },
    });
  });

  test('a denial or failure keeps its message exactly; a timeout only its status', () => {
    expect(expectationsFromRun(runs.denied!, ['outcome', 'messageToUser'])).toEqual({
      outcome: { status: 'denied', message: 'No.' },
      messageToUser: 'Sorry',
    });
    expect(expectationsFromRun(runs.crashed!, ['outcome'])).toEqual({
      outcome: { status: 'failed', message: 'Out of memory' },
    });
    expect(expectationsFromRun(runs['timed out']!, ['outcome'])).toEqual({
      outcome: { status: 'timed-out' },
    });
  });

  test('claims: the kept ones as equals and the dropped names', () => {
    expect(expectationsFromRun(runs['credentials exchange']!, ['claims'])).toEqual({
      claims: {
        kept: { equals: { scope: ['read'], 'https://example.com/plan': 'pro' } },
        dropped: ['plain'],
      },
    });
  });

  test('chosen parts the run does not have are left out; a cancelled run has no outcome', () => {
    expect(expectationsFromRun(runs.failed!, ['response', 'mergedUser', 'outcome'])).toEqual({
      outcome: { status: 'failed', message: 'x is undefined' },
    });
    const cancelled = runOf({ status: 'cancelled', durationMs: 1 });
    expect(availableParts(cancelled)).toEqual([]);
    expect(expectationsFromRun(cancelled, SAVED_PARTS)).toEqual({});
  });

  test('a request without a method is left out, the others kept in order', () => {
    const { method: _method, ...noMethod } = http('GET', 'https://a.example.com/');
    const requests = [http('GET', 'https://a.example.com/'), noMethod, http('PUT', 'https://b/')];
    const run = runOf(succeeded(), { requests });
    const expectations = ExpectationsSchema.parse(expectationsFromRun(run, ['requests']));
    expect(expectations.requests).toEqual([
      { method: 'GET', url: 'https://a.example.com/' },
      { method: 'PUT', url: 'https://b/' },
    ]);
    expect(matchExpectations(expectations, run)[0]?.passed).toBe(true);
  });

  test(`at most ${MAX_SAVED_CONSOLE_LINES} console lines, the first ones`, () => {
    const logs = Array.from({ length: 30 }, (_, i) => log(`line ${i}`, 'log', i));
    const { console: lines } = expectationsFromRun(runOf(succeeded(), { logs }), ['console']);
    expect(lines).toHaveLength(MAX_SAVED_CONSOLE_LINES);
    expect(lines?.[19]).toEqual({ contains: 'line 19' });
  });
});
