import { describe, expect, test } from 'vitest';
import { createRequire, parseSpecifier } from './createRequire';
import type { CodeLocation, ModuleRequest } from './schemas';

function setup() {
  const requests: ModuleRequest[] = [];
  const warnings: [string, CodeLocation | undefined][] = [];
  const require = createRequire({
    env: { defer: (callback) => callback() },
    onRequest: (request) => requests.push(request),
    warn: (text, location) => warnings.push([text, location]),
  });
  return { require: require as (id: unknown) => never, requests, warnings };
}

describe('require', () => {
  test('specifiers: name@version and @scope/name@version', () => {
    expect(parseSpecifier('lodash@4.17.21')).toEqual({
      name: 'lodash',
      version: '4.17.21',
      specifier: 'lodash@4.17.21',
    });
    expect(parseSpecifier('@scope/name@1.2.3')).toMatchObject({
      name: '@scope/name',
      version: '1.2.3',
    });
    expect(parseSpecifier('@scope/name')).toEqual({
      name: '@scope/name',
      specifier: '@scope/name',
    });
  });

  test('Node core modules Hookpad provides, also as node:name, one instance per run', () => {
    const { require, requests } = setup();
    for (const name of ['crypto', 'util', 'events', 'url', 'querystring', 'assert', 'buffer']) {
      expect(require(name)).toBeTruthy();
    }
    expect(require('node:crypto')).toBe(require('crypto'));
    expect(requests).toEqual(
      ['crypto', 'util', 'events', 'url', 'querystring', 'assert', 'buffer'].map((name) => ({
        name,
        kind: 'builtin',
      })),
    );
  });

  test('a core module Hookpad lacks fails with a message naming it', () => {
    const { require, requests } = setup();
    expect(() => require('cluster')).toThrow(
      "Node core module 'cluster' is not available in Hookpad",
    );
    expect(() => require('node:worker_threads')).toThrow(
      "Node core module 'worker_threads' is not available in Hookpad",
    );
    expect(() => require('readline/promises')).toThrow(
      "Node core module 'readline/promises' is not available in Hookpad",
    );
    expect(requests).toEqual([
      { name: 'cluster', kind: 'missing' },
      { name: 'worker_threads', kind: 'missing' },
      { name: 'readline/promises', kind: 'missing' },
    ]);
  });

  test('an npm module is recorded with its version and fails clearly', () => {
    const { require, requests } = setup();
    let error: (Error & { code?: string }) | undefined;
    try {
      require('@scope/name@1.2.3');
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toBe(
      "Module '@scope/name' is not available in Hookpad — add a module mock or choose Auto-mock for it",
    );
    expect(error?.code).toBe('MODULE_NOT_FOUND');
    expect((error as { hookpadModule?: string } | undefined)?.hookpadModule).toBe('@scope/name');
    expect(requests).toEqual([{ name: '@scope/name', version: '1.2.3', kind: 'missing' }]);
  });

  test('the same module at two versions is a warning (each distinct request recorded once)', () => {
    const { require, requests, warnings } = setup();
    const attempt = (id: string) => {
      try {
        require(id);
      } catch {
        // missing: only the records matter here
      }
    };
    attempt('lodash@4.17.21');
    attempt('lodash@4.17.21');
    attempt('lodash@4.17.20');
    expect(requests).toEqual([
      { name: 'lodash', version: '4.17.21', kind: 'missing' },
      { name: 'lodash', version: '4.17.20', kind: 'missing' },
    ]);
    expect(warnings.map(([text]) => text)).toEqual([
      "Module 'lodash' is required at version 4.17.20 here and at 4.17.21 before; the platform would load both, Hookpad resolves one module for both",
    ]);
  });

  test('a non-string id is a TypeError, like Node', () => {
    const { require } = setup();
    expect(() => require(42)).toThrow('The "id" argument must be of type string. Received number');
  });
});

// The ports are untyped here (core has no Node types): each test states what it uses.
/* eslint-disable @typescript-eslint/no-explicit-any */
describe('the ports behave like Node', () => {
  const { require } = setup() as unknown as { require: (id: string) => any };
  test('util', async () => {
    const util = require('util');
    expect(util.format('%s=%d %j', 'a', 1, { b: 2 })).toBe('a=1 {"b":2}');
    expect(util.inspect({ a: [1, 'x'] })).toBe("{ a: [ 1, 'x' ] }");
    expect(util.types.isDate(new Date())).toBe(true);
    const promised = util.promisify((x: number, cb: (e: null, y: number) => void) =>
      cb(null, x + 1),
    );
    await expect(promised(1)).resolves.toBe(2);
    expect(typeof util.deprecate).toBe('function');
  });

  test('events', () => {
    const EventEmitter = require('events');
    const emitter = new EventEmitter.EventEmitter();
    const seen: unknown[] = [];
    emitter.once('x', (value: unknown) => seen.push(value));
    emitter.emit('x', 1);
    emitter.emit('x', 2);
    expect(seen).toEqual([1]);
  });

  test('querystring and url', () => {
    const qs = require('querystring');
    expect(qs.stringify({ a: 1, b: ['x', 'y z'] })).toBe('a=1&b=x&b=y%20z');
    expect(qs.parse('a=1&b=2')).toEqual({ a: '1', b: '2' });
    const url = require('url');
    expect(url.parse('https://u@x.com:8/p?q=1', true).query).toEqual({ q: '1' });
    expect(new url.URL('https://x.com/a').pathname).toBe('/a');
  });

  test('assert and buffer', () => {
    const assert = require('assert');
    expect(() => assert.strictEqual(1, 2)).toThrow();
    expect(() => assert.deepStrictEqual({ a: [1] }, { a: [1] })).not.toThrow();
    const { Buffer } = require('buffer');
    expect(Buffer.from(Buffer.from('héllo').toString('base64'), 'base64').toString()).toBe('héllo');
  });
});
/* eslint-enable @typescript-eslint/no-explicit-any */
