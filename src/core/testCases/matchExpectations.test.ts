import { describe, expect, test } from 'vitest';
import { matchExpectations } from './matchExpectations';
import { failed, http, log, runOf, succeeded } from './testRun.testSupport';

const proResponse = { user: { app_metadata: { plan: 'pro' } } };
const proRun = runOf(succeeded(proResponse), {
  logs: [log('looking up the plan'), log('plan: pro', 'info', 1)],
  requests: [http('GET', 'https://billing.example.com/plan?user=a@b.c')],
  storage: { data: { signups: 2 }, etag: 'e2' },
});

const verdicts = (results: ReturnType<typeof matchExpectations>) =>
  results.map(({ expectation, passed }) => [expectation, passed]);

describe('matchExpectations', () => {
  test('a test without expectations has nothing to check', () => {
    expect(matchExpectations({}, proRun)).toEqual([]);
  });

  test('one result per expectation, in the order of the schema, with expected and actual', () => {
    const results = matchExpectations(
      {
        storage: { equals: { signups: 2 } },
        response: { contains: proResponse },
        outcome: { status: 'succeeded' },
      },
      proRun,
    );
    expect(results).toEqual([
      {
        expectation: 'outcome',
        passed: true,
        expected: { status: 'succeeded' },
        actual: { status: 'succeeded' },
      },
      {
        expectation: 'response',
        passed: true,
        expected: { contains: proResponse },
        actual: proResponse,
      },
      {
        expectation: 'storage',
        passed: true,
        expected: { equals: { signups: 2 } },
        actual: { signups: 2 },
      },
    ]);
  });

  test('the merged user is the payload user with the metadata the response adds', () => {
    const results = matchExpectations(
      {
        mergedUser: { equals: { email: 'a@b.c', app_metadata: { plan: 'pro' } } },
        response: { equals: { user: {} } },
      },
      proRun,
    );
    expect(verdicts(results)).toEqual([
      ['response', false],
      ['mergedUser', true],
    ]);
    expect(results[0]?.actual).toEqual(proResponse);
  });

  test('a failed JSON expectation says what differs, as a subset for "contains"', () => {
    const [response, mergedUser] = matchExpectations(
      {
        response: { contains: { user: { app_metadata: { plan: 'free' } } } },
        mergedUser: { equals: { email: 'a@b.c', app_metadata: { plan: 'pro' }, name: 'A' } },
      },
      proRun,
    );
    expect(response?.differences).toEqual([
      { path: 'user.app_metadata.plan', kind: 'changed', expected: 'free', actual: 'pro' },
    ]);
    expect(mergedUser?.differences).toEqual([{ path: 'name', kind: 'missing', expected: 'A' }]);
    const [passed] = matchExpectations({ response: { contains: {} } }, proRun);
    expect(passed).not.toHaveProperty('differences');
  });

  test('after a denial there is no response or merged user, and the message to the user shows', () => {
    const denied = runOf(
      failed(
        'PreUserRegistrationError',
        'blocked domain',
        'callback-error',
        'Please use work email',
      ),
    );
    const results = matchExpectations(
      {
        outcome: { status: 'denied', message: 'blocked domain' },
        response: { contains: {} },
        mergedUser: { contains: {} },
        messageToUser: 'Please use work email',
      },
      denied,
    );
    expect(verdicts(results)).toEqual([
      ['outcome', true],
      ['response', false],
      ['mergedUser', false],
      ['messageToUser', true],
    ]);
    expect(results[2]?.actual).toBeUndefined();
  });

  test('no message to the user is null, and a thrown error class shows none', () => {
    const thrown = runOf(failed('PreUserRegistrationError', 'x', 'thrown', 'Hidden'));
    expect(verdicts(matchExpectations({ messageToUser: null }, thrown))).toEqual([
      ['messageToUser', true],
    ]);
    expect(verdicts(matchExpectations({ messageToUser: null }, proRun))).toEqual([
      ['messageToUser', true],
    ]);
    expect(verdicts(matchExpectations({ messageToUser: 'Hidden' }, thrown))).toEqual([
      ['messageToUser', false],
    ]);
  });

  test('access-token claims: the kept ones as JSON, the dropped ones by name in any order', () => {
    const exchange = runOf(
      succeeded({ scope: 'read', 'https://example.com/role': 'admin', role: 'x', plan: 'y' }),
      { pointId: 'credentials-exchange', payload: { audience: 'a', client: { id: 'c' } } },
    );
    const results = matchExpectations(
      {
        claims: {
          kept: { equals: { scope: 'read', 'https://example.com/role': 'admin' } },
          dropped: ['plan', 'role'],
        },
      },
      exchange,
    );
    expect(verdicts(results)).toEqual([
      ['claims.kept', true],
      ['claims.dropped', true],
    ]);
    expect(results[1]?.actual).toEqual(['role', 'plan']);
    const fewer = matchExpectations({ claims: { dropped: ['role'] } }, exchange);
    expect(verdicts(fewer)).toEqual([['claims.dropped', false]]);
  });

  test('console lines: each anywhere in the output, by fragment or pattern, at a level if named', () => {
    const results = matchExpectations(
      {
        console: [
          { contains: 'plan: pro' },
          { matches: '^looking', level: 'log' },
          { contains: 'plan: pro', level: 'error' },
          { matches: 'PLAN', flags: 'i' },
        ],
      },
      proRun,
    );
    expect(verdicts(results)).toEqual([
      ['console[0]', true],
      ['console[1]', true],
      ['console[2]', false],
      ['console[3]', true],
    ]);
    expect(results[0]?.actual).toBe('plan: pro');
    // Not found: the lines that were looked at, so the failure shows what was printed.
    expect(results[2]?.actual).toEqual([]);
  });

  test('requests: the listed ones in order, with the run’s requests as actual', () => {
    const results = matchExpectations(
      { requests: [{ method: 'GET', url: { contains: 'billing.example.com/plan' } }] },
      proRun,
    );
    expect(results).toEqual([
      {
        expectation: 'requests',
        passed: true,
        expected: [{ method: 'GET', url: { contains: 'billing.example.com/plan' } }],
        actual: [{ method: 'GET', url: 'https://billing.example.com/plan?user=a@b.c' }],
      },
    ]);
  });

  test('storage after the run: exactly or as a subset; nothing stored is no value', () => {
    expect(verdicts(matchExpectations({ storage: { contains: {} } }, proRun))).toEqual([
      ['storage', true],
    ]);
    expect(verdicts(matchExpectations({ storage: { equals: {} } }, proRun))).toEqual([
      ['storage', false],
    ]);
    const empty = runOf(succeeded({}));
    expect(matchExpectations({ storage: { contains: {} } }, empty)[0]).toMatchObject({
      passed: false,
      actual: undefined,
    });
  });

  test('a timeout fails every expectation about what the run gave', () => {
    const timedOut = runOf({ status: 'timed-out', durationMs: 20_000 });
    expect(
      verdicts(
        matchExpectations(
          {
            outcome: { status: 'succeeded' },
            response: { contains: {} },
            mergedUser: { contains: {} },
          },
          timedOut,
        ),
      ),
    ).toEqual([
      ['outcome', false],
      ['response', false],
      ['mergedUser', false],
    ]);
  });
});
