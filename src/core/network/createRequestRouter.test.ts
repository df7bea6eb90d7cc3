import { afterEach, describe, expect, test, vi } from 'vitest';
import { createRequestRouter, type RequestRouterOptions } from './createRequestRouter';
import { createTrace } from './createTrace';
import { bytesToText } from './bytes';
import { mock } from './runHook.testkit';
import type { OutboundEntry } from '../networkSchemas';
import type { HostFetch } from './hostApis';
import { FETCH_REFUSED_EXPLANATION } from './nodeErrors';

function setup(overrides: Partial<RequestRouterOptions> = {}) {
  const entries: OutboundEntry[] = [];
  const warnings: string[] = [];
  const trace = createTrace({ onEntry: (entry) => entries.push(entry), now: () => 0, start: 0 });
  const router = createRequestRouter({
    mocks: [],
    allowNetwork: false,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id as never),
    },
    trace,
    now: () => Date.now(),
    warn: (text) => warnings.push(text),
    ...overrides,
  });
  const get = (url: string, method = 'GET') =>
    router.route({ method, url, headers: {}, client: 'test' });
  return { router, entries, warnings, trace, get };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the request router', () => {
  test('the first matching mock answers; method is case-insensitive, ANY matches all', async () => {
    const { get, entries } = setup({
      mocks: [
        mock({ id: 'post', method: 'post', urlPattern: 'https://api.x.com/*', body: 'posted' }),
        mock({ id: 'users', urlPattern: '/users/', body: '{"users":[]}' }),
        mock({ id: 'any', urlPattern: 'https://api.x.com/*', status: 404, body: 'nope' }),
      ],
    });
    const posted = await get('https://api.x.com/users', 'POST');
    expect(bytesToText(posted.body)).toBe('posted');
    const users = await get('https://api.x.com/users');
    expect(users.status).toBe(200);
    expect(users.headers).toEqual({ 'content-type': 'application/json', 'content-length': '12' });
    const other = await get('https://api.x.com/other');
    expect([other.status, other.statusText, bytesToText(other.body)]).toEqual([
      404,
      'Not Found',
      'nope',
    ]);
    expect(entries.map((entry) => [entry.mockId, entry.answeredBy, entry.method])).toEqual([
      ['post', 'mock', 'POST'],
      ['users', 'mock', 'GET'],
      ['any', 'mock', 'GET'],
    ]);
  });

  test('mock headers win; JSON is only typed when the mock says nothing', async () => {
    const { get } = setup({
      mocks: [
        mock({
          urlPattern: '*',
          headers: { 'Content-Type': 'text/plain', 'X-Id': '7' },
          body: '{}',
        }),
      ],
    });
    expect((await get('https://x.com/')).headers).toEqual({
      'content-type': 'text/plain',
      'x-id': '7',
      'content-length': '2',
    });
  });

  test('an invalid regex mock matches nothing and warns once', async () => {
    const { get, warnings } = setup({
      mocks: [
        mock({ id: 'bad', urlPattern: '/(x/', body: 'bad' }),
        mock({ urlPattern: '*', body: 'ok' }),
      ],
    });
    expect(bytesToText((await get('https://x.com/(x')).body)).toBe('ok');
    await get('https://x.com/(x');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^HTTP mock \/\(x\/ has an invalid regular expression \(.*\); it matches nothing$/,
      ),
    ]);
  });

  test('a mock answers after its delay, on the given timers', async () => {
    vi.useFakeTimers();
    const { get } = setup({ mocks: [mock({ urlPattern: '*', delayMs: 1000, body: 'late' })] });
    let answered = false;
    const pending = get('https://x.com/').then((response) => {
      answered = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(bytesToText((await pending).body)).toBe('late');
  });

  test('a network-error mock rejects like a reset connection', async () => {
    const { get, entries } = setup({
      mocks: [mock({ id: 'reset', urlPattern: '*', networkError: true })],
    });
    await expect(get('https://x.com/')).rejects.toMatchObject({
      message: 'read ECONNRESET',
      code: 'ECONNRESET',
      errno: -104,
      syscall: 'read',
    });
    expect(entries[0]).toMatchObject({
      answeredBy: 'mock',
      mockId: 'reset',
      error: 'Error: read ECONNRESET',
    });
  });

  test('unmatched with the network off: ECONNREFUSED like Node, traced as blocked', async () => {
    const { get, entries } = setup();
    const error = await get('https://hooks.slack.com/services/T0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      message: 'connect ECONNREFUSED hooks.slack.com:443',
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      address: 'hooks.slack.com',
      port: 443,
    });
    await expect(get('http://localhost:8080/x')).rejects.toMatchObject({ port: 8080 });
    expect(entries[0]).toMatchObject({
      kind: 'http',
      client: 'test',
      answeredBy: 'blocked',
      error: 'no mock matched and the network is off: connect ECONNREFUSED hooks.slack.com:443',
    });
  });

  test('an unparsable URL without a mock is an invalid URL', async () => {
    const { get, entries } = setup();
    await expect(get('YOUR SLACK HOOK URL')).rejects.toMatchObject({ code: 'ERR_INVALID_URL' });
    expect(entries[0]).toMatchObject({ answeredBy: 'blocked', error: 'TypeError: Invalid URL' });
  });

  test('unmatched with the network on: the host fetch, traced as network', async () => {
    const calls: unknown[] = [];
    const fetch: HostFetch = async (url, init) => {
      calls.push([url, init.method, init.headers]);
      return new Response('{"real":true}', { status: 201, headers: { 'X-Real': '1' } }) as never;
    };
    const { router, entries } = setup({ allowNetwork: true, fetch });
    const response = await router.route({
      method: 'post',
      url: 'https://real.example/x',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      client: 'test',
    });
    expect(response.status).toBe(201);
    expect(bytesToText(response.body)).toBe('{"real":true}');
    expect(calls).toEqual([
      ['https://real.example/x', 'POST', { 'content-type': 'application/json' }],
    ]);
    expect(entries[0]).toMatchObject({ answeredBy: 'network', status: 201, requestBody: '{}' });
    expect(entries[0]?.responseHeaders).toMatchObject({ 'x-real': '1' });
  });

  test("a path without '/' and the network on: not sent, answered 400 Bad Request", async () => {
    const calls: unknown[] = [];
    const fetch: HostFetch = async (url) => {
      calls.push(url);
      return new Response('real') as never;
    };
    const { router, entries, warnings } = setup({ allowNetwork: true, fetch });
    const response = await router.route({
      method: 'GET',
      url: 'https://real.exampleverify?x=1',
      rawPath: 'verify?x=1',
      headers: {},
      client: 'https',
    });
    expect([response.status, response.statusText, response.body.byteLength]).toEqual([
      400,
      'Bad Request',
      0,
    ]);
    expect(calls).toEqual([]);
    expect(entries[0]).toMatchObject({
      url: 'https://real.exampleverify?x=1',
      answeredBy: 'blocked',
      status: 400,
      error: "not sent: the path does not start with '/'; a server answers 400 Bad Request",
    });
    expect(warnings).toEqual([
      "Request path 'verify?x=1' does not start with '/': Node sends it as is (GET verify?x=1 HTTP/1.1 to https://real.example) and the server answers 400 Bad Request",
    ]);
  });

  test('a refused browser fetch is explained (CORS or offline)', async () => {
    const fetch: HostFetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const { get, entries } = setup({ allowNetwork: true, fetch });
    await expect(get('https://no-cors.example/')).rejects.toMatchObject({
      message: `Failed to fetch: ${FETCH_REFUSED_EXPLANATION}`,
      code: 'ECONNREFUSED',
    });
    expect(entries[0]?.error).toContain('probably CORS (the server must allow origin null)');
    expect(entries[0]?.answeredBy).toBe('network');
  });

  test('request and response bodies in the trace are text, capped at 64 KiB', async () => {
    const big = 'x'.repeat(70 * 1024);
    const { router, entries } = setup({ mocks: [mock({ urlPattern: '*', body: big })] });
    await router.route({
      method: 'PUT',
      url: 'https://x.com/',
      headers: {},
      body: new TextEncoder().encode('héllo'),
      client: 't',
    });
    expect(entries[0]?.requestBody).toBe('héllo');
    expect(entries[0]?.responseBody?.startsWith('x'.repeat(64 * 1024) + '…')).toBe(true);
  });

  test('the trace stops at close', async () => {
    const { get, entries, trace } = setup({ mocks: [mock({ urlPattern: '*' })] });
    trace.close();
    await get('https://x.com/');
    expect(entries).toEqual([]);
  });
});
