import { describe, expect, test } from 'vitest';
import { hook, mock, runHook } from './runHook.testkit';

// Each client, run by a hook through the engine: the request it makes (as the trace shows
// it) and what the hook gets back.

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

describe('http and https', () => {
  test("a 'readable' listener reads the body in paused mode: read() until null, then 'end' (aws-sdk)", async () => {
    const run = await runHook(
      hook(`
const https = require('https');
https.get('https://api.example.com/big', (res) => {
  const parts = [];
  let nulls = 0;
  res.on('readable', () => {
    const data = res.read();
    if (data === null) nulls += 1;
    else parts.push(data);
  });
  res.on('end', () => cb(null, { buffers: parts.every(Buffer.isBuffer), bytes: Buffer.concat(parts).length, nulls, complete: res.complete }));
});`),
      { mocks: [mock({ urlPattern: 'https://api.example.com/*', body: 'x'.repeat(40_000) })] },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { buffers: true, bytes: 40_000, nulls: 1, complete: true },
    });
  });

  test("Agent is Node's: an EventEmitter with its defaults, per protocol", async () => {
    const run = await runHook(
      hook(`
const http = require('http');
const https = require('https');
const agent = new https.Agent({ keepAlive: true });
agent.setMaxListeners(0);
cb(null, {
  emitter: agent instanceof require('events').EventEmitter,
  keepAlive: agent.keepAlive,
  maxSockets: agent.maxSockets === Infinity,
  maxFreeSockets: agent.maxFreeSockets,
  ports: [new http.Agent().defaultPort, agent.defaultPort],
  protocols: [http.globalAgent.protocol, https.globalAgent.protocol],
});`),
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        emitter: true,
        keepAlive: true,
        maxSockets: true,
        maxFreeSockets: 256,
        ports: [80, 443],
        protocols: ['http:', 'https:'],
      },
    });
  });

  const LONG = JSON.stringify({
    items: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item ${i}` })),
  });

  test('request(options, cb): write/end, one Buffer chunk for a small body, statusCode, headers', async () => {
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
      response: { status: 200, type: 'application/json', buffers: true, count: 1, items: 20 },
    });
    expect(only(run.entries)).toMatchObject({
      client: 'https',
      method: 'POST',
      url: 'https://api.example.com/v1/things?x=1',
      requestBody: '{"a":1}',
      requestHeaders: { 'Content-Type': 'application/json', Host: 'api.example.com' },
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
