import { describe, expect, test } from 'vitest';
import { Buffer } from 'buffer/';
import { chunkBoundaries, NODE_CHUNK_BYTES } from './clients/responseChunks';
import { HttpMockSchema } from '../networkSchemas';
import { hook, mock, runHook } from './runHook.testkit';

// How http/https cut a response body into 'data' chunks (docs/runtime-semantics.md §12):
// like Node, one chunk up to 16 KiB, then 16 KiB pieces; an HTTP mock may ask for N chunks.

const bytes = (length: number) => new Uint8Array(length);

describe('chunkBoundaries', () => {
  test('a body up to 16 KiB is one chunk; an empty body is none', () => {
    expect(chunkBoundaries(bytes(0), false)).toEqual([]);
    expect(chunkBoundaries(bytes(1), false)).toEqual([1]);
    expect(chunkBoundaries(bytes(600), false)).toEqual([600]);
    expect(chunkBoundaries(bytes(NODE_CHUNK_BYTES), false)).toEqual([16384]);
  });

  test('a larger body comes in 16 KiB chunks', () => {
    expect(chunkBoundaries(bytes(NODE_CHUNK_BYTES + 1), false)).toEqual([16384, 16385]);
    expect(chunkBoundaries(bytes(40_000), false)).toEqual([16384, 32768, 40000]);
  });

  test('a count asks for that many near-equal chunks, never more than bytes', () => {
    expect(chunkBoundaries(bytes(10), false, 3)).toEqual([3, 7, 10]);
    expect(chunkBoundaries(bytes(2), false, 3)).toEqual([1, 2]);
    expect(chunkBoundaries(bytes(40_000), false, 1)).toEqual([40000]);
    expect(chunkBoundaries(bytes(64), false, 64)).toHaveLength(64);
  });

  test('with an encoding set, no boundary splits a UTF-8 character', () => {
    const text = Buffer.from('é'.repeat(10), 'utf8'); // 20 bytes, two per character
    const ends = chunkBoundaries(text, true, 3);
    expect(ends).toHaveLength(3);
    let start = 0;
    for (const end of ends) {
      expect(text.slice(start, end).toString('utf8')).not.toContain('\ufffd');
      start = end;
    }
    const big = Buffer.from('€'.repeat(8000), 'utf8'); // 24 000 bytes, three per character
    expect(chunkBoundaries(big, true)).toEqual([16383, 24000]);
  });
});

test("an HTTP mock's chunks: absent, or an integer from 1 to 64", () => {
  const valid = (chunks: unknown) =>
    HttpMockSchema.safeParse({ ...mock({ urlPattern: '*' }), chunks }).success;
  expect(HttpMockSchema.safeParse(mock({ urlPattern: '*' })).success).toBe(true);
  expect([1, 3, 64].map(valid)).toEqual([true, true, true]);
  expect([0, 65, 1.5, '3'].map(valid)).toEqual([false, false, false, false]);
});

describe("http and https: 'data' chunks", () => {
  const SMALL = JSON.stringify({ plan: 'gold', seats: 3 });
  const parseOneChunk = hook(`
require('https').get('https://api.example.com/plan', (res) => {
  res.on('data', (d) => { const j = JSON.parse(d); cb(null, { user: { user_metadata: j } }); });
});`);

  test('a hook that parses one chunk of a small JSON answer succeeds, as on Node', async () => {
    const run = await runHook(parseOneChunk, {
      mocks: [mock({ urlPattern: 'https://api.example.com/*', body: SMALL })],
    });
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { user: { user_metadata: { plan: 'gold', seats: 3 } } },
    });
  });

  test('a mock that asks for 3 chunks makes that hook fail with the JSON.parse error', async () => {
    const run = await runHook(parseOneChunk, {
      mocks: [mock({ urlPattern: 'https://api.example.com/*', body: SMALL, chunks: 3 })],
    });
    expect(run.outcome).toMatchObject({
      status: 'failed',
      kind: 'async-throw',
      error: { name: 'SyntaxError', location: { line: 4, column: 42 } },
    });
  });

  test('a body over 16 KiB arrives in several chunks: parsing one fails, collecting works', async () => {
    const LONG = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => `item ${i}`) });
    expect(LONG.length).toBeGreaterThan(NODE_CHUNK_BYTES);
    const api = { mocks: [mock({ urlPattern: '*', body: LONG })] };
    const single = await runHook(parseOneChunk, api);
    expect(single.outcome).toMatchObject({ status: 'failed', error: { name: 'SyntaxError' } });
    const collected = await runHook(
      hook(`
require('https').get('https://api.example.com/list', (res) => {
  const chunks = [];
  res.on('data', (chunk) => chunks.push(chunk.length));
  res.on('end', () => cb(null, chunks));
});`),
      api,
    );
    expect(collected.outcome).toMatchObject({ response: [16384, LONG.length - 16384] });
  });

  test('setEncoding with chunks: strings that never split a character', async () => {
    const run = await runHook(
      hook(`
require('http').get('http://api.example.com/t', (res) => {
  res.setEncoding('utf8');
  const parts = [];
  res.on('data', (chunk) => parts.push(chunk));
  res.on('end', () => cb(null, parts));
});`),
      { mocks: [mock({ urlPattern: '*', body: 'héllo wörld', chunks: 4 })] },
    );
    expect(run.outcome).toMatchObject({ status: 'succeeded' });
    const parts = (run.outcome as { response: string[] }).response;
    expect(parts).toHaveLength(4);
    expect(parts.join('')).toBe('héllo wörld');
  });
});
