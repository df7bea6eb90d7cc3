import { describe, expect, test } from 'vitest';
import { hook, mock, runHook } from './runHook.testkit';

// Each client, run by a hook through the engine: the request it makes (as the trace shows
// it) and what the hook gets back.

const API = mock({ id: 'api', urlPattern: 'https://api.example.com/*', body: '{"ok":true,"n":1}' });

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

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
