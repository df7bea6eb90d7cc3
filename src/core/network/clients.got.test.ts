import { describe, expect, test } from 'vitest';
import { hook, mock, runHook } from './runHook.testkit';

// Each client, run by a hook through the engine: the request it makes (as the trace shows
// it) and what the hook gets back.

const API = mock({ id: 'api', urlPattern: 'https://api.example.com/*', body: '{"ok":true,"n":1}' });

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
