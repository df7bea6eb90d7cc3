import { describe, expect, test } from 'vitest';
import { matchesRequests, requestSummary } from './matchRequests';
import { http, sdkCall } from './testRun.testSupport';

const trace = [
  http('GET', 'https://api.example.com/users/1'),
  sdkCall('twilio(…).messages.create({to, body})'),
  http('POST', 'https://audit.example.com/events', '{"event":"signup","user":{"id":1}}'),
  http('POST', 'https://hooks.slack.com/T1', 'plain text'),
  http('GET', 'https://api.example.com/users/2'),
];

describe('matchesRequests', () => {
  test('the listed requests in their order, others allowed before, between and after', () => {
    expect(
      matchesRequests(
        [
          { method: 'GET', url: 'https://api.example.com/users/1' },
          { method: 'GET', url: 'https://api.example.com/users/2' },
        ],
        trace,
      ),
    ).toBe(true);
    expect(matchesRequests([{ method: 'POST', url: 'https://hooks.slack.com/T1' }], trace)).toBe(
      true,
    );
    expect(matchesRequests([], trace)).toBe(true);
  });

  test('the same requests in another order do not match', () => {
    expect(
      matchesRequests(
        [
          { method: 'GET', url: 'https://api.example.com/users/2' },
          { method: 'GET', url: 'https://api.example.com/users/1' },
        ],
        trace,
      ),
    ).toBe(false);
  });

  test('a request expected twice needs two requests', () => {
    const twice = { method: 'GET', url: { contains: 'api.example.com/users/' } };
    expect(matchesRequests([twice, twice], trace)).toBe(true);
    expect(matchesRequests([twice, twice, twice], trace)).toBe(false);
  });

  test('an earlier loose match does not use up the request a later one needs', () => {
    const anyGet = { method: 'GET', url: { matches: '^https://' } };
    const second = { method: 'GET', url: 'https://api.example.com/users/2' };
    expect(matchesRequests([anyGet, second], trace)).toBe(true);
    expect(matchesRequests([second, anyGet], trace)).toBe(false);
  });

  test('the method in any case; the URL exactly, by fragment or by pattern', () => {
    expect(
      matchesRequests([{ method: 'get', url: 'https://api.example.com/users/1' }], trace),
    ).toBe(true);
    expect(
      matchesRequests([{ method: 'PUT', url: 'https://api.example.com/users/1' }], trace),
    ).toBe(false);
    expect(matchesRequests([{ method: 'GET', url: 'https://api.example.com/users' }], trace)).toBe(
      false,
    );
    expect(matchesRequests([{ method: 'POST', url: { matches: '/events$' } }], trace)).toBe(true);
  });

  test('a body is a JSON subset of the JSON sent, or the exact text of another body', () => {
    const audit = { method: 'POST', url: 'https://audit.example.com/events' };
    expect(matchesRequests([{ ...audit, body: { event: 'signup' } }], trace)).toBe(true);
    expect(matchesRequests([{ ...audit, body: { user: { id: 1 } } }], trace)).toBe(true);
    expect(matchesRequests([{ ...audit, body: { event: 'login' } }], trace)).toBe(false);
    const slack = { method: 'POST', url: 'https://hooks.slack.com/T1' };
    expect(matchesRequests([{ ...slack, body: 'plain text' }], trace)).toBe(true);
    expect(matchesRequests([{ ...slack, body: { text: 'plain text' } }], trace)).toBe(false);
    const noBody = { method: 'GET', url: 'https://api.example.com/users/1' };
    expect(matchesRequests([{ ...noBody, body: {} }], trace)).toBe(false);
  });

  test('no requests at all match only an empty list', () => {
    expect(matchesRequests([], [])).toBe(true);
    expect(matchesRequests([{ method: 'GET', url: 'https://x' }], [])).toBe(false);
  });
});

describe('requestSummary', () => {
  test('the HTTP requests in order, bodies parsed when they are JSON; SDK calls left out', () => {
    expect(requestSummary(trace)).toEqual([
      { method: 'GET', url: 'https://api.example.com/users/1' },
      {
        method: 'POST',
        url: 'https://audit.example.com/events',
        body: { event: 'signup', user: { id: 1 } },
      },
      { method: 'POST', url: 'https://hooks.slack.com/T1', body: 'plain text' },
      { method: 'GET', url: 'https://api.example.com/users/2' },
    ]);
  });
});
