import { describe, expect, test } from 'vitest';
import * as nodeZlib from 'node:zlib';
import { createRequire as nodeRequire } from 'node:module';
import { BUILTIN_MODULES, loadBuiltin, type BuiltinEnvironment } from './builtinModules';

// The Node core modules added for real hooks (issue 13): each behaves as Node's for what
// hooks do with it. Node's own zlib is the oracle for the compressed formats.

const deferred: (() => void)[] = [];
const timers: { ms: number; callback: () => void }[] = [];
const env: BuiltinEnvironment = {
  defer: (callback) => deferred.push(callback),
  setTimeout: (callback, ms) => timers.push({ ms, callback }),
  now: () => 90_500,
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the modules are Node's untyped ports
const load = (name: string): any => loadBuiltin(name, env);

describe('Node built-ins for real hooks', () => {
  test('all are requirable', () => {
    for (const name of [
      'assert/strict',
      'path',
      'os',
      'string_decoder',
      'stream',
      'zlib',
      'timers/promises',
      'util/types',
      'fs',
      'fs/promises',
      'net',
      'tls',
      'domain',
      'child_process',
      'dgram',
      'http2',
      'dns',
      'dns/promises',
      'punycode',
    ]) {
      expect(BUILTIN_MODULES).toContain(name);
    }
  });

  test('assert/strict compares strictly', () => {
    const assert = load('assert/strict');
    expect(() => assert.equal(1, '1')).toThrow(/Expected values to be strictly equal/);
    expect(() => assert.deepEqual({ a: 1 }, { a: 1 })).not.toThrow();
  });

  test('path is posix', () => {
    const path = load('path');
    expect(path.join('/a/b', '../c', 'd.js')).toBe('/a/c/d.js');
    expect([path.basename('/x/y.txt', '.txt'), path.extname('y.tar.gz'), path.sep]).toEqual([
      'y',
      '.gz',
      '/',
    ]);
    expect(path.resolve('/root', 'x')).toBe('/root/x');
  });

  test("os gives the platform's fixed values", () => {
    const os = load('os');
    expect([os.platform(), os.type(), os.arch(), os.EOL, os.hostname()]).toEqual([
      'linux',
      'Linux',
      'x64',
      '\n',
      'webtask',
    ]);
    expect(os.cpus()).toHaveLength(2);
    expect(os.totalmem()).toBe(4 * 1024 ** 3);
    expect(os.uptime()).toBe(90);
  });

  test('string_decoder keeps a multi-byte character split across chunks', () => {
    const { StringDecoder } = load('string_decoder');
    const decoder = new StringDecoder('utf8');
    const euro = Buffer.from('€');
    expect(
      decoder.write(euro.subarray(0, 1)) + decoder.write(euro.subarray(1)) + decoder.end(),
    ).toBe('€');
  });

  test('util/types', () => {
    const types = load('util/types');
    expect([types.isPromise(Promise.resolve()), types.isRegExp(/x/), types.isDate(1)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  test('stream: Readable.from, a Transform and PassThrough through pipeline', async () => {
    const { Readable, Transform, PassThrough, Writable, pipeline } = load('stream');
    const chunks: string[] = [];
    const upper = new Transform({
      transform(chunk: Buffer, _encoding: string, done: (e: null, c: string) => void) {
        done(null, chunk.toString().toUpperCase());
      },
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding: string, done: () => void) {
        chunks.push(chunk.toString());
        done();
      },
    });
    await new Promise<void>((resolve, reject) =>
      pipeline(Readable.from(['a', 'b']), upper, new PassThrough(), sink, (error: Error | null) =>
        error ? reject(error) : resolve(),
      ),
    );
    expect(chunks.join('')).toBe('AB');
    const { pipeline: pipelineAsync } = load('stream/promises');
    await expect(pipelineAsync(Readable.from(['x']), new PassThrough())).resolves.toBeUndefined();
  });

  test.each([
    ['gzip', 'gunzip'],
    ['deflate', 'inflate'],
    ['deflateRaw', 'inflateRaw'],
  ] as const)(
    'zlib %sSync/%sSync read what Node writes and write what Node reads',
    (pack, unpack) => {
      const zlib = load('zlib');
      const text = 'hello hello hello hello '.repeat(50);
      const ours = zlib[`${pack}Sync`](text);
      expect(nodeZlib[`${unpack}Sync`](ours).toString()).toBe(text);
      const theirs = nodeZlib[`${pack}Sync`](text);
      expect(zlib[`${unpack}Sync`](theirs).toString()).toBe(text);
      expect(zlib.unzipSync(nodeZlib.gzipSync(text)).toString()).toBe(text);
    },
  );

  test('zlib: errors like Node; the callback forms answer later', () => {
    const zlib = load('zlib');
    expect(() => zlib.gunzipSync(Buffer.from('not gzip at all'))).toThrow(
      expect.objectContaining({
        message: 'incorrect header check',
        code: 'Z_DATA_ERROR',
        errno: -3,
      }) as Error,
    );
    expect(() => nodeZlib.gunzipSync(Buffer.from('not gzip at all'))).toThrow(
      'incorrect header check',
    );
    const results: unknown[] = [];
    zlib.gzip('abc', (error: Error | null, result: Buffer) =>
      results.push(error, nodeZlib.gunzipSync(result).toString()),
    );
    zlib.inflate(Buffer.from('xx'), {}, (error: Error | null) => results.push(error?.message));
    expect(results).toEqual([]);
    deferred.splice(0).forEach((callback) => callback());
    expect(results).toEqual([null, 'abc', 'incorrect header check']);
  });

  test("timers/promises waits on the run's timers", async () => {
    const { setTimeout: sleep, setImmediate } = load('timers/promises');
    const slept = sleep(250, 'done');
    const immediate = setImmediate('now');
    expect(timers.map((timer) => timer.ms)).toEqual([250, 0]);
    timers.splice(0).forEach((timer) => timer.callback());
    await expect(slept).resolves.toBe('done');
    await expect(immediate).resolves.toBe('now');
  });

  test("punycode is Node's: the same answers as Node's bundled copy", () => {
    const punycode = load('punycode');
    // Node's own punycode (deprecated there, still bundled), not the npm package.
    const nodePunycode = nodeRequire(import.meta.url)('punycode') as typeof punycode;
    for (const domain of [
      'mañana.com',
      'bücher.example',
      'xn--maana-pta.com',
      'ascii.test',
      '☃-⌘.com',
      'Ü.test',
      'a.b。c',
    ]) {
      expect([punycode.toASCII(domain), punycode.toUnicode(domain)]).toEqual([
        nodePunycode.toASCII(domain),
        nodePunycode.toUnicode(domain),
      ]);
    }
    expect(Object.keys(punycode).sort()).toEqual(Object.keys(nodePunycode).sort());
    expect(typeof punycode.version).toBe('string');
    expect(punycode.encode('mañana')).toBe(nodePunycode.encode('mañana'));
    expect(punycode.decode('maana-pta')).toBe('mañana');
    expect(punycode.ucs2.decode('\u{1F600}a')).toEqual([0x1f600, 0x61]);
    expect(punycode.ucs2.encode([0x1f600])).toBe('\u{1F600}');
  });
});
