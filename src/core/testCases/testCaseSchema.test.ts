import { describe, expect, test } from 'vitest';
import { TestCaseSchema } from './testCaseSchema';

const minimal = { id: 't1', name: 'adds the plan', payloadText: '{"user":{}}', expectations: {} };

const issuesOf = (value: unknown) =>
  TestCaseSchema.safeParse(value).error?.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  })) ?? [];

describe('TestCaseSchema', () => {
  test('accepts a test with a name, a payload and no expectations', () => {
    expect(TestCaseSchema.parse(minimal)).toEqual(minimal);
  });

  test('accepts every override and every expectation', () => {
    const full = {
      ...minimal,
      overrides: {
        secrets: { API_KEY: 'k' },
        httpMocks: [
          {
            id: 'm1',
            method: 'GET',
            urlPattern: 'https://api.example.com/*',
            status: 200,
            headers: {},
            body: '{"plan":"pro"}',
            delayMs: 0,
          },
        ],
        moduleMocks: [{ name: 'slack', code: 'module.exports = {};' }],
        autoMocks: ['twilio'],
        storage: { data: { count: 1 }, etag: 'e1' },
        timeoutMs: 5000,
      },
      expectations: {
        outcome: { status: 'failed', message: { matches: '^boom', flags: 'i' } },
        response: { contains: { user: { app_metadata: { plan: 'pro' } } } },
        mergedUser: { equals: { email: 'a@b.c' } },
        claims: { kept: { contains: { scope: 'read' } }, dropped: ['role'] },
        messageToUser: null,
        console: [{ contains: 'plan' }, { matches: 'took \\d+ms', level: 'info' }],
        requests: [
          { method: 'get', url: 'https://api.example.com/plan' },
          { method: 'POST', url: { matches: '/audit$' }, body: { event: 'signup' } },
        ],
        storage: { equals: { count: 2 } },
      },
    };
    expect(TestCaseSchema.parse(full)).toEqual(full);
  });

  test('accepts each kind of outcome', () => {
    for (const outcome of [
      { status: 'succeeded' },
      { status: 'denied', message: 'Not allowed' },
      { status: 'denied' },
      { status: 'failed', message: 'exact text' },
      { status: 'failed', message: { contains: 'part' } },
      { status: 'timed-out' },
    ]) {
      expect(issuesOf({ ...minimal, expectations: { outcome } })).toEqual([]);
    }
  });

  test('refuses a pattern that does not compile, saying why and where', () => {
    const issues = issuesOf({
      ...minimal,
      expectations: {
        console: [{ matches: 'ok' }, { matches: '(unclosed' }],
        outcome: { status: 'failed', message: { matches: '[' } },
      },
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'expectations.console.1.matches',
      'expectations.outcome.message.matches',
    ]);
    for (const issue of issues) expect(issue.message).toMatch(/^Not a valid regular expression: /);
  });

  test('refuses flags a regular expression does not have, at the flags', () => {
    const issues = issuesOf({
      ...minimal,
      expectations: { console: [{ matches: 'a', flags: 'q' }] },
    });
    expect(issues).toEqual([
      { path: 'expectations.console.0.flags', message: expect.stringMatching(/^Not a valid/) },
    ]);
  });

  test('refuses an unknown outcome, naming the ones there are', () => {
    const issues = issuesOf({ ...minimal, expectations: { outcome: { status: 'exploded' } } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('expectations.outcome.status');
    expect(issues[0]?.message).toContain("'timed-out'");
  });

  test('refuses a misspelt expectation rather than ignoring it', () => {
    const issues = issuesOf({ ...minimal, expectations: { respnse: { equals: 1 } } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('respnse');
  });

  test('refuses a JSON match that is neither equals nor contains', () => {
    expect(issuesOf({ ...minimal, expectations: { response: { is: 1 } } })).not.toEqual([]);
    expect(issuesOf({ ...minimal, expectations: { response: { equals: 1 } } })).toEqual([]);
  });

  test('refuses a blank name, a payload that is not JSON and an out-of-range timeout', () => {
    expect(issuesOf({ ...minimal, name: '  ' })).toEqual([
      { path: 'name', message: 'A test needs a name.' },
    ]);
    expect(issuesOf({ ...minimal, payloadText: '{"user":' })).toEqual([
      { path: 'payloadText', message: 'The payload must be valid JSON.' },
    ]);
    expect(issuesOf({ ...minimal, overrides: { timeoutMs: 10 } })[0]?.path).toBe(
      'overrides.timeoutMs',
    );
  });
});
