import { describe, expect, test } from 'vitest';
import { hook, mock, runHook } from './runHook.testkit';

// Each client, run by a hook through the engine: the request it makes (as the trace shows
// it) and what the hook gets back.

const API = mock({ id: 'api', urlPattern: 'https://api.example.com/*', body: '{"ok":true,"n":1}' });

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe('fetch and node-fetch', () => {
  test('global fetch: JSON request, json()/ok/status/headers on the response', async () => {
    const run = await runHook(
      hook(`
const res = await fetch('https://api.example.com/users?x=1', {
  method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
  body: JSON.stringify({ name: 'Ann' }) });
cb(null, { ok: res.ok, status: res.status, type: res.headers.get('content-type'), url: res.url, body: await res.json() });`),
      { mocks: [API] },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        ok: true,
        status: 200,
        type: 'application/json',
        url: 'https://api.example.com/users?x=1',
        body: { ok: true, n: 1 },
      },
    });
    expect(only(run.entries)).toMatchObject({
      client: 'fetch',
      method: 'POST',
      url: 'https://api.example.com/users?x=1',
      requestHeaders: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
      requestBody: '{"name":"Ann"}',
      answeredBy: 'mock',
      location: { line: 3, column: 19 },
    });
  });

  test('fetch: URLSearchParams bodies are form-encoded; text() of a 404 is not an error', async () => {
    const run = await runHook(
      hook(`
const res = await fetch('https://api.example.com/form', { method: 'POST', body: new URLSearchParams({ a: '1', b: 'x y' }) });
cb(null, { ok: res.ok, status: res.status, text: await res.text() });`),
      { mocks: [mock({ urlPattern: '*', status: 404, body: 'missing' })] },
    );
    expect(run.outcome).toMatchObject({ response: { ok: false, status: 404, text: 'missing' } });
    expect(only(run.entries)).toMatchObject({
      requestBody: 'a=1&b=x+y',
      requestHeaders: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    });
  });

  test('fetch refused: TypeError "fetch failed" with the ECONNREFUSED cause, like Node', async () => {
    const run = await runHook(
      hook(`
try { await fetch('https://down.example.com/'); }
catch (e) { return cb(null, { name: e.name, message: e.message, code: e.cause.code, cause: e.cause.message }); }`),
    );
    expect(run.outcome).toMatchObject({
      response: {
        name: 'TypeError',
        message: 'fetch failed',
        code: 'ECONNREFUSED',
        cause: 'connect ECONNREFUSED down.example.com:443',
      },
    });
    expect(only(run.entries)).toMatchObject({ answeredBy: 'blocked', client: 'fetch' });
  });

  test('node-fetch: the same API, .default too, FetchError on failure', async () => {
    const run = await runHook(
      hook(`
const fetch = require('node-fetch');
const same = fetch.default === fetch;
const res = await fetch('https://api.example.com/a');
const buffer = await res.buffer();
let failure;
try { await fetch('https://down.example.com/'); } catch (e) { failure = [e.name, e.type, e.code, e.message]; }
cb(null, { same, body: buffer.toString(), failure });`),
      { mocks: [API] },
    );
    expect(run.outcome).toMatchObject({
      response: {
        same: true,
        body: '{"ok":true,"n":1}',
        failure: [
          'FetchError',
          'system',
          'ECONNREFUSED',
          'request to https://down.example.com/ failed, reason: connect ECONNREFUSED down.example.com:443',
        ],
      },
    });
    expect(run.entries.map((entry) => entry.client)).toEqual(['node-fetch', 'node-fetch']);
  });

  test('an AbortController aborts a delayed mock', async () => {
    const run = await runHook(
      hook(`
const controller = new AbortController();
setTimeout(() => controller.abort(), 10);
try { await fetch('https://api.example.com/slow', { signal: controller.signal }); }
catch (e) { return cb(null, { name: e.name }); }`),
      { mocks: [mock({ urlPattern: '*', delayMs: 5000 })] },
    );
    expect(run.outcome).toMatchObject({ response: { name: 'AbortError' } });
    expect(only(run.entries).error).toMatch(/AbortError/);
  });
});
