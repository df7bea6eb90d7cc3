import { describe, expect, test } from 'vitest';
import { hook, mock, runHook } from './runHook.testkit';

// Each client, run by a hook through the engine: the request it makes (as the trace shows
// it) and what the hook gets back.

const API = mock({ id: 'api', urlPattern: 'https://api.example.com/*', body: '{"ok":true,"n":1}' });

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

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
