import { describe, expect, test } from 'vitest';
import { hook, mock, runHook } from './runHook.testkit';

// What a hook sees of got and axios follows the version it requires (`require('got@9.6.0')`),
// as each version's own source had it (docs/runtime-semantics.md §12).

const MOCKS = {
  mocks: [mock({ urlPattern: 'https://api.example.com/*', status: 404, body: 'gone' })],
};

async function gotError(specifier: string) {
  const run = await runHook(
    hook(`
const got = require('${specifier}');
try { await got('https://api.example.com/users?id=1'); } catch (e) {
  cb(null, {
    name: e.name, message: e.message, code: String(e.code), own: Object.keys(e).sort(),
    statusCode: String(e.statusCode), statusMessage: String(e.statusMessage), body: String(e.body),
    headers: e.headers, method: String(e.method), path: String(e.path), hostname: String(e.hostname),
    response: [e.response.statusCode, e.response.body], isHTTPError: e instanceof got.HTTPError,
  });
}`),
    MOCKS,
  );
  expect(run.outcome.status).toBe('succeeded');
  return {
    error: (run.outcome as { response: Record<string, unknown> }).response,
    agent: run.entries[0]?.requestHeaders?.['user-agent'],
  };
}

describe("got's HTTPError and User-Agent by version", () => {
  test('got@9.6.0: statusCode, statusMessage, headers, body and the request on the error', async () => {
    const { error, agent } = await gotError('got@9.6.0');
    expect(error).toEqual({
      name: 'HTTPError',
      message: 'Response code 404 (Not Found)',
      code: 'undefined',
      own: [
        'body',
        'headers',
        'host',
        'hostname',
        'method',
        'name',
        'path',
        'protocol',
        'statusCode',
        'statusMessage',
        'url',
      ],
      statusCode: '404',
      statusMessage: 'Not Found',
      body: 'gone',
      headers: { 'content-length': '4' },
      method: 'GET',
      path: '/users?id=1',
      hostname: 'api.example.com',
      response: [404, 'gone'],
      isHTTPError: true,
    });
    expect(agent).toBe('got/9.6.0 (https://github.com/sindresorhus/got)');
  });

  test('got@9.0.0 had no body on the error (from 9.3.0 on), only on error.response', async () => {
    const { error } = await gotError('got@9.0.0');
    expect(error).toMatchObject({ statusCode: '404', body: 'undefined', response: [404, 'gone'] });
  });

  test('got@10 and got@11.8.2: only error.response, no code; 11.8.3 on and no version: the code', async () => {
    for (const specifier of ['got@10.7.0', 'got@11.8.2']) {
      const { error, agent } = await gotError(specifier);
      expect(error).toMatchObject({
        code: 'undefined',
        own: ['name'],
        statusCode: 'undefined',
        body: 'undefined',
        response: [404, 'gone'],
      });
      expect(agent).toBe('got (https://github.com/sindresorhus/got)');
    }
    for (const specifier of ['got@11.8.6', 'got@12.6.1', 'got']) {
      const { error } = await gotError(specifier);
      expect(error).toMatchObject({ code: 'ERR_NON_2XX_3XX_RESPONSE', statusCode: 'undefined' });
    }
  });
});

async function axiosError(specifier: string) {
  const run = await runHook(
    hook(`
const axios = require('${specifier}');
try { await axios.get('https://api.example.com/missing'); } catch (e) {
  const json = e.toJSON();
  cb(null, {
    name: e.name, code: String(e.code), isAxiosError: e.isAxiosError, hasStatus: 'status' in e,
    json: { name: json.name, code: String(json.code), status: json.status },
    plainHeaders: Object.getPrototypeOf(e.response.headers) === Object.prototype,
    contentLength: e.response.headers['content-length'], version: axios.VERSION,
  });
}`),
    MOCKS,
  );
  expect(run.outcome.status).toBe('succeeded');
  return {
    error: (run.outcome as { response: Record<string, unknown> }).response,
    agent: run.entries[0]?.requestHeaders?.['User-Agent'],
  };
}

describe('axios by version', () => {
  test('axios@0.27.2: User-Agent axios/0.27.2, AxiosError without status, plain headers', async () => {
    const { error, agent } = await axiosError('axios@0.27.2');
    expect(agent).toBe('axios/0.27.2');
    expect(error).toMatchObject({
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      isAxiosError: true,
      hasStatus: false,
      json: { name: 'AxiosError', code: 'ERR_BAD_REQUEST', status: 404 },
      plainHeaders: true,
      contentLength: '4',
    });
  });

  test('axios@0.21.4: a status error is a plain Error without a code', async () => {
    const { error, agent } = await axiosError('axios@0.21.4');
    expect(agent).toBe('axios/0.21.4');
    expect(error).toMatchObject({
      name: 'Error',
      code: 'undefined',
      isAxiosError: true,
      json: { name: 'Error', code: 'undefined', status: 404 },
    });
  });

  test('axios@1.6.8 has AxiosHeaders and no error.status; 1.7.5 on and no version have it', async () => {
    const old = await axiosError('axios@1.6.8');
    expect(old.agent).toBe('axios/1.6.8');
    expect(old.error).toMatchObject({
      name: 'AxiosError',
      hasStatus: false,
      json: { status: 404 },
      plainHeaders: false,
    });
    const current = await axiosError('axios');
    expect(current.agent).toBe(`axios/${String(current.error.version)}`);
    expect(current.error).toMatchObject({ hasStatus: true, json: { status: 404 } });
    expect((await axiosError('axios@1.7.9')).agent).toBe('axios/1.7.9');
  });
});
