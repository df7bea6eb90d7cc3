import { describe, expect, test } from 'vitest';
import { hook, mock, runHook } from './runHook.testkit';

// A request path without a leading '/' (docs/runtime-semantics.md §12): Node sends it as is
// and the server answers 400 Bad Request. Hookpad routes it the same way, keeps the raw path
// in the trace and warns.

const WARNING =
  "Request path 'verify?x=1' does not start with '/': Node sends it as is (GET verify?x=1 HTTP/1.1 to https://api.example.com) and the server answers 400 Bad Request";

const REQUEST = `
const https = require('https');
const req = https.request({ hostname: 'api.example.com', path: 'verify?x=1' }, (res) => {
  let body = '';
  res.on('data', (d) => { body += d; });
  res.on('end', () => cb(null, { path: req.path, status: res.statusCode, message: res.statusMessage, headers: res.headers, body }));
});
req.on('error', (e) => cb(null, { path: req.path, code: e.code, message: e.message }));
req.end();`;

describe('a request path without a leading slash', () => {
  test('no synchronous throw; with no mock and the network off it is refused as usual', async () => {
    const run = await runHook(hook(REQUEST));
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        path: 'verify?x=1',
        code: 'ECONNREFUSED',
        message: 'connect ECONNREFUSED api.example.com:443',
      },
    });
    expect(run.entries).toHaveLength(1);
    expect(run.entries[0]).toMatchObject({
      client: 'https',
      url: 'https://api.example.comverify?x=1',
      answeredBy: 'blocked',
    });
    expect(run.lines).toContain(WARNING);
  });

  test('a mock for the URL it meant plays the server: 400 Bad Request, empty body', async () => {
    const run = await runHook(hook(REQUEST), {
      mocks: [
        mock({ id: 'exact', urlPattern: 'https://api.example.comverify?x=1', body: 'never' }),
        mock({ id: 'api', urlPattern: 'https://api.example.com/*', body: '{"ok":true}' }),
      ],
    });
    expect(run.outcome).toMatchObject({
      response: {
        path: 'verify?x=1',
        status: 400,
        message: 'Bad Request',
        headers: { connection: 'close' },
        body: '',
      },
    });
    expect(run.entries[0]).toMatchObject({
      url: 'https://api.example.comverify?x=1',
      answeredBy: 'mock',
      mockId: 'api',
      status: 400,
    });
    expect(run.lines).toContain(WARNING);
  });

  test('https.get(url, { path }) and http.get(options) route it the same way', async () => {
    const run = await runHook(
      hook(`
const statuses = [];
const done = (res) => { statuses.push(res.statusCode); res.resume(); if (statuses.length === 2) cb(null, statuses); };
require('https').get('https://api.example.com/ignored', { path: 'verify?x=1' }, done);
require('http').get({ host: 'api.example.com', port: 8080, path: 'v1/users' }, done);`),
      { mocks: [mock({ urlPattern: '/api\\.example\\.com/' })] },
    );
    expect(run.outcome).toMatchObject({ status: 'succeeded' });
    expect(run.entries.map((entry) => [entry.client, entry.url, entry.status])).toEqual([
      ['https', 'https://api.example.comverify?x=1', 400],
      ['http', 'http://api.example.com:8080v1/users', 400],
    ]);
  });

  test("an empty path is '/', as Node sends it", async () => {
    const run = await runHook(
      hook(
        `require('https').get({ hostname: 'api.example.com', path: '' }, (res) => cb(null, res.statusCode));`,
      ),
      { mocks: [mock({ urlPattern: 'https://api.example.com/' })] },
    );
    expect(run.outcome).toMatchObject({ response: 200 });
    expect(run.entries[0]).toMatchObject({ url: 'https://api.example.com/' });
  });
});
