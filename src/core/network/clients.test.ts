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

describe('axios (the real library, Hookpad adapter)', () => {
  test('get/post, JSON bodies, create() with baseURL and headers, interceptors, .default', async () => {
    const run = await runHook(
      hook(`
const axios = require('axios');
const api = axios.create({ baseURL: 'https://api.example.com/v1', headers: { 'X-Key': 'k' } });
api.interceptors.request.use((config) => { config.headers['X-Intercepted'] = 'yes'; return config; });
const got = await axios.get('https://api.example.com/a', { params: { q: 'x y' } });
const posted = await api.post('/users', { name: 'Ann' });
cb(null, { same: axios.default === axios, data: got.data, status: posted.status, created: posted.data, h: posted.headers['content-type'] });`),
      { mocks: [API] },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        same: true,
        data: { ok: true, n: 1 },
        status: 200,
        created: { ok: true, n: 1 },
        h: 'application/json',
      },
    });
    expect(run.entries).toHaveLength(2);
    expect(run.entries[0]).toMatchObject({
      client: 'axios',
      method: 'GET',
      url: 'https://api.example.com/a?q=x+y',
      location: { line: 6, column: 25 },
    });
    expect(run.entries[1]).toMatchObject({
      method: 'POST',
      url: 'https://api.example.com/v1/users',
      requestBody: '{"name":"Ann"}',
      requestHeaders: { 'Content-Type': 'application/json', 'X-Key': 'k', 'X-Intercepted': 'yes' },
      location: { line: 7, column: 26 },
    });
  });

  test('a 4xx rejects with error.response.status and data; a refused connection has its code', async () => {
    const run = await runHook(
      hook(`
const axios = require('axios');
let notFound, refused;
try { await axios.get('https://api.example.com/missing'); } catch (e) { notFound = [e.isAxiosError, e.message, e.response.status, e.response.data]; }
try { await axios.get('https://down.example.com/'); } catch (e) { refused = [e.code, e.message, e.response]; }
cb(null, { notFound, refused });`),
      {
        mocks: [
          mock({
            urlPattern: 'https://api.example.com/missing',
            status: 404,
            body: '{"error":"nope"}',
          }),
        ],
      },
    );
    expect(run.outcome).toMatchObject({
      response: {
        notFound: [true, 'Request failed with status code 404', 404, { error: 'nope' }],
        refused: ['ECONNREFUSED', 'connect ECONNREFUSED down.example.com:443', null],
      },
    });
  });

  test('timeout: ECONNABORTED "timeout of Nms exceeded"', async () => {
    const run = await runHook(
      hook(`
const axios = require('axios');
try { await axios.get('https://api.example.com/slow', { timeout: 20 }); }
catch (e) { return cb(null, [e.code, e.message]); }`),
      { mocks: [mock({ urlPattern: '*', delayMs: 2000 })] },
    );
    expect(run.outcome).toMatchObject({ response: ['ECONNABORTED', 'timeout of 20ms exceeded'] });
  });

  test('form-urlencoded and Basic auth', async () => {
    const run = await runHook(
      hook(`
const axios = require('axios');
await axios.post('https://api.example.com/token', new URLSearchParams({ grant_type: 'client_credentials' }), { auth: { username: 'id', password: 'secret' } });
cb();`),
      { mocks: [API] },
    );
    expect(only(run.entries)).toMatchObject({
      requestBody: 'grant_type=client_credentials',
      requestHeaders: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8',
        Authorization: 'Basic aWQ6c2VjcmV0',
      },
    });
  });
});

describe('request', () => {
  test('json: true with a body object, auth, qs; cb(err, response, body) with parsed JSON', async () => {
    const run = await runHook(
      hook(`
const request = require('request');
request.post({ url: 'https://api.example.com/users', qs: { a: 1 }, json: true, body: { name: 'Ann' }, auth: { user: 'u', pass: 'p' } },
  function (err, response, body) { cb(null, { err, status: response.statusCode, type: response.headers['content-type'], body, same: response.body === body }); });`),
      { mocks: [API] },
    );
    expect(run.outcome).toMatchObject({
      response: {
        err: null,
        status: 200,
        type: 'application/json',
        body: { ok: true, n: 1 },
        same: true,
      },
    });
    expect(only(run.entries)).toMatchObject({
      client: 'request',
      method: 'POST',
      url: 'https://api.example.com/users?a=1',
      requestBody: '{"name":"Ann"}',
      requestHeaders: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: 'Basic dTpw',
      },
      location: { line: 4, column: 9 },
    });
  });

  test('form, json object, bearer auth, string bodies', async () => {
    const run = await runHook(
      hook(`
const request = require('request');
const done = () => undefined;
request.post('https://api.example.com/form', { form: { a: 'x y', nested: { b: 1 } } }, done);
request({ method: 'PUT', uri: 'https://api.example.com/json', json: { c: 2 }, auth: { bearer: 'tok' } }, done);
request.patch({ url: 'https://api.example.com/text', body: 'plain', headers: { 'Content-Type': 'text/plain' } }, done);
setTimeout(cb, 20);`),
      { mocks: [API] },
    );
    const byUrl = Object.fromEntries(run.entries.map((entry) => [entry.url, entry]));
    expect(byUrl['https://api.example.com/form']).toMatchObject({
      method: 'POST',
      requestBody: 'a=x%20y&nested%5Bb%5D=1',
      requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(byUrl['https://api.example.com/json']).toMatchObject({
      method: 'PUT',
      requestBody: '{"c":2}',
      requestHeaders: { authorization: 'Bearer tok', 'content-type': 'application/json' },
    });
    expect(byUrl['https://api.example.com/text']).toMatchObject({
      method: 'PATCH',
      requestBody: 'plain',
      requestHeaders: { 'Content-Type': 'text/plain' },
    });
  });

  test('util.promisify(request) resolves with the response; errors reach the callback', async () => {
    const run = await runHook(
      hook(`
const util = require('util');
const request = require('request');
const res = await util.promisify(request)({ url: 'https://api.example.com/a' });
request('https://down.example.com/', function (err) { cb(null, { status: res.statusCode, body: res.body, code: err.code }); });`),
      { mocks: [API] },
    );
    expect(run.outcome).toMatchObject({
      response: { status: 200, body: '{"ok":true,"n":1}', code: 'ECONNREFUSED' },
    });
  });

  test('without a callback, an error nobody listens to fails the run like on Node', async () => {
    const run = await runHook(
      hook(`require('request').get('https://down.example.com/'); setTimeout(cb, 50);`),
    );
    expect(run.outcome).toMatchObject({
      status: 'failed',
      kind: 'async-throw',
      error: {
        message: 'connect ECONNREFUSED down.example.com:443',
        props: { code: 'ECONNREFUSED' },
      },
    });
  });
});

describe('got', () => {
  test('json option, .json(), responseType json, resolveBodyOnly, form', async () => {
    const run = await runHook(
      hook(`
const got = require('got');
const a = await got.post('https://api.example.com/a', { json: { x: 1 } }).json();
const b = await got('https://api.example.com/b', { responseType: 'json', resolveBodyOnly: true });
const c = await got.post('https://api.example.com/c', { form: { y: 'z w' } });
const d = await got.post('https://api.example.com/d', { json: true, body: { old: true } });
cb(null, { a, b, c: [c.statusCode, c.body], d: d.body });`),
      { mocks: [API] },
    );
    expect(run.outcome).toMatchObject({
      response: {
        a: { ok: true, n: 1 },
        b: { ok: true, n: 1 },
        c: [200, '{"ok":true,"n":1}'],
        d: { ok: true, n: 1 },
      },
    });
    expect(
      run.entries.map((entry) => [
        entry.method,
        entry.requestBody,
        entry.requestHeaders?.['content-type'],
      ]),
    ).toEqual([
      ['POST', '{"x":1}', 'application/json'],
      ['GET', undefined, undefined],
      ['POST', 'y=z%20w', 'application/x-www-form-urlencoded'],
      ['POST', '{"old":true}', 'application/json'],
    ]);
  });

  test('HTTPError for status >= 400, RequestError with the code for a refused connection', async () => {
    const run = await runHook(
      hook(`
const got = require('got');
let http, refused;
try { await got('https://api.example.com/missing'); } catch (e) { http = [e.name, e.message, e.response.statusCode, e.response.body, e instanceof got.HTTPError]; }
try { await got('https://down.example.com/').json(); } catch (e) { refused = [e.name, e.code]; }
cb(null, { http, refused });`),
      {
        mocks: [
          mock({ urlPattern: '*missing', status: 404, body: 'gone' }),
          mock({ urlPattern: 'https://api.example.com/*', status: 404, body: 'gone' }),
        ],
      },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        http: ['HTTPError', 'Response code 404 (Not Found)', 404, 'gone', true],
        refused: ['RequestError', 'ECONNREFUSED'],
      },
    });
  });
});

describe('http and https', () => {
  const LONG = JSON.stringify({
    items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item ${i}` })),
  });

  test('request(options, cb): write/end, Buffer chunks (at least two), statusCode, headers', async () => {
    const run = await runHook(
      hook(`
const https = require('https');
const req = https.request({ hostname: 'api.example.com', path: '/v1/things?x=1', method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => cb(null, { status: res.statusCode, type: res.headers['content-type'], buffers: chunks.every(Buffer.isBuffer), count: chunks.length, items: JSON.parse(Buffer.concat(chunks).toString()).items.length }));
});
req.on('error', (e) => cb(e));
req.write('{"a":');
req.end('1}');`),
      { mocks: [mock({ urlPattern: 'https://api.example.com/v1/*', body: LONG })] },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { status: 200, type: 'application/json', buffers: true, count: 2, items: 20 },
    });
    expect(only(run.entries)).toMatchObject({
      client: 'https',
      method: 'POST',
      url: 'https://api.example.com/v1/things?x=1',
      requestBody: '{"a":1}',
      requestHeaders: { 'Content-Type': 'application/json', Host: 'api.example.com' },
    });
  });

  test('a hook that JSON.parses each chunk fails as it would on Node', async () => {
    const run = await runHook(
      hook(`
require('https').get('https://api.example.com/list', (res) => {
  res.on('data', (chunk) => { const data = JSON.parse(chunk); cb(null, data); });
});`),
      { mocks: [mock({ urlPattern: '*', body: LONG })] },
    );
    expect(run.outcome).toMatchObject({
      status: 'failed',
      kind: 'async-throw',
      error: { name: 'SyntaxError', location: { line: 4, column: 49 } },
    });
  });

  test('setEncoding gives strings; http.get with a URL and a callback', async () => {
    const run = await runHook(
      hook(`
require('http').get('http://api.example.com/t', (res) => {
  res.setEncoding('utf8');
  let body = '';
  res.on('data', (chunk) => { body += typeof chunk === 'string' ? chunk : '!'; });
  res.on('end', () => cb(null, { body }));
});`),
      { mocks: [mock({ urlPattern: '*', body: 'héllo wörld' })] },
    );
    expect(run.outcome).toMatchObject({ response: { body: 'héllo wörld' } });
    expect(only(run.entries)).toMatchObject({ client: 'http', method: 'GET' });
  });

  test("an 'error' event: ECONNREFUSED to a listener, a crash without one", async () => {
    const handled = await runHook(
      hook(
        `require('https').get('https://down.example.com/').on('error', (e) => cb(null, [e.code, e.message]));`,
      ),
    );
    expect(handled.outcome).toMatchObject({
      response: ['ECONNREFUSED', 'connect ECONNREFUSED down.example.com:443'],
    });
    const unhandled = await runHook(
      hook(`require('https').get('https://down.example.com/'); setTimeout(cb, 50);`),
    );
    expect(unhandled.outcome).toMatchObject({
      status: 'failed',
      kind: 'async-throw',
      error: { props: { code: 'ECONNREFUSED' } },
    });
  });

  test("setTimeout emits 'timeout'; destroy() then errors with socket hang up", async () => {
    const run = await runHook(
      hook(`
const req = require('https').request('https://api.example.com/slow', { method: 'GET' });
req.setTimeout(20, () => req.destroy());
req.on('error', (e) => cb(null, [e.code, e.message]));
req.end();`),
      { mocks: [mock({ urlPattern: '*', delayMs: 5000 })] },
    );
    expect(run.outcome).toMatchObject({ response: ['ECONNRESET', 'socket hang up'] });
  });

  test('a mock network error reaches the request as ECONNRESET', async () => {
    const run = await runHook(
      hook(
        `require('https').get('https://api.example.com/', () => cb(null, 'answered')).on('error', (e) => cb(null, e.code));`,
      ),
      { mocks: [mock({ urlPattern: '*', networkError: true })] },
    );
    expect(run.outcome).toMatchObject({ response: 'ECONNRESET' });
  });
});
