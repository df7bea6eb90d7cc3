import { lateModuleScripts, workerScript } from 'virtual:hook-sandbox-sources';
import * as bufferModule from 'buffer/';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import loadPorts from '../core/node/loadPorts.cjs';
import { createRequire } from 'node:module';
import { userFrames } from '../core/hookLocator';

const nodeRequire = createRequire(import.meta.url);

// The real late modules, as the build makes them (the `hookpad-sandbox` plugin), loaded the
// way the hook worker loads them. Node has no FileReaderSync: this one reads the Blobs made
// here from their text.
const texts = new Map<Blob, string>();
class ReaderOfTheseBlobs {
  readAsText(blob: Blob): string {
    const text = texts.get(blob);
    if (text === undefined) throw new Error('not one of the test blobs');
    return text;
  }
}
const blobs = Object.fromEntries(
  Object.entries(lateModuleScripts).map(([name, script]) => {
    const blob = new Blob([script]);
    texts.set(blob, script);
    return [name, blob];
  }),
);

let late: typeof import('./lateModules');
beforeAll(async () => {
  // The loader takes the reader as the worker starts, before any hook could replace it.
  vi.stubGlobal('FileReaderSync', ReaderOfTheseBlobs);
  late = await import('./lateModules');
  late.provideLateModules(blobs);
});

const { Buffer } = bufferModule;
type Streams = typeof import('stream');

describe("the hook worker's late modules", () => {
  it("are left out of the worker's script, which compiles before every run", () => {
    expect(Object.keys(lateModuleScripts).sort()).toEqual([
      'acorn',
      'assert',
      'axios',
      'fflate',
      'forge',
      'stream',
      'url',
    ]);
    // Messages of acorn, fflate and readable-stream are in their own scripts only.
    for (const [name, text] of [
      ['acorn', 'Unterminated string constant'],
      ['fflate', 'date not in range 1980-2099'],
      ['stream', 'stream.push() after EOF'],
    ] as const) {
      expect(lateModuleScripts[name]).toContain(text);
      expect(workerScript).not.toContain(text);
    }
    expect(workerScript).toContain('loadLateModule');
  });

  it("are bundled from what Node's require() finds: the CommonJS builds, not an ES build's namespace", () => {
    // An ES build would come with `__esModule`, and a package compiled with Babel's or
    // TypeScript's interop would then take its missing `default` instead of the module.
    for (const name of ['acorn', 'fflate'] as const) {
      const exports = late.loadLateModule(name) as object;
      expect('__esModule' in exports, name).toBe(false);
      expect(Object.getOwnPropertyNames(exports).sort(), name).toEqual(
        Object.getOwnPropertyNames(nodeRequire(name)).sort(),
      );
    }
  });

  it('each is compiled once, on first use, and kept', () => {
    const acorn = late.loadLateModule('acorn') as typeof import('acorn');
    expect(late.loadLateModule('acorn')).toBe(acorn);
    expect(acorn.parse('let a = 1', { ecmaVersion: 'latest' }).type).toBe('Program');
  });

  // Only Buffer and EventEmitter here: in Node, the shared string_decoder port takes Node's own
  // Buffer (e2e/sandbox-builtins.spec.ts checks it in the sandbox, where the build makes it one).
  it("stream uses the worker's Buffer and EventEmitter, not copies", async () => {
    const { Readable } = late.loadLateModule('stream') as Streams;
    const EventEmitter = loadPorts.events() as typeof import('events');
    const readable = Readable.from(['a', 'b'], { objectMode: false });
    const chunks: unknown[] = [];
    for await (const chunk of readable) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk instanceof Buffer)).toBe(true);
    expect(Buffer.concat(chunks as Buffer[]).toString()).toBe('ab');
    expect(readable).toBeInstanceOf(EventEmitter);
  });

  it("assert uses the worker's util: its errors are Node's", () => {
    const assert = late.loadLateModule('assert') as typeof import('assert');
    expect(() => assert.deepStrictEqual({ a: 1 }, { a: 2 })).toThrow(
      expect.objectContaining({ code: 'ERR_ASSERTION', name: 'AssertionError' }),
    );
    expect(() => assert.strictEqual(Buffer.from('x'), Buffer.from('x'))).toThrow();
    expect(() => assert.deepStrictEqual(Buffer.from('x'), Buffer.from('x'))).not.toThrow();
  });

  it('url parses as Node 18 does, query included (qs)', () => {
    const url = late.loadLateModule('url') as typeof import('url');
    const parsed = url.parse('https://a.example/p?x=1&y=2#h', true);
    expect(parsed.host).toBe('a.example');
    expect(parsed.query).toEqual({ x: '1', y: '2' });
  });

  it('fflate, node-forge and axios load and work', () => {
    const fflate = late.loadLateModule('fflate') as typeof import('fflate');
    const data = new TextEncoder().encode('hello hello hello');
    expect(new TextDecoder().decode(fflate.gunzipSync(fflate.gzipSync(data)))).toBe(
      'hello hello hello',
    );
    const forge = late.loadLateModule('forge') as {
      pki: { rsa: unknown };
      cipher: { createCipher: unknown };
    };
    expect(forge.pki.rsa).toBeTypeOf('object');
    expect(forge.cipher.createCipher).toBeTypeOf('function');
    const axios = late.loadLateModule('axios') as { create: unknown; isAxiosError: unknown };
    expect(axios.create).toBeTypeOf('function');
    expect(axios.isAxiosError).toBeTypeOf('function');
  });

  it("names its frames after itself, never hook.js (the user's code)", () => {
    const assert = late.loadLateModule('assert') as typeof import('assert');
    let stack = '';
    try {
      assert.fail('from the late module');
    } catch (error) {
      stack = String((error as Error).stack);
    }
    // assert.fail cuts its own frames; an error inside the module's code keeps them.
    const { Readable } = late.loadLateModule('stream') as Streams;
    try {
      Readable.from(null as unknown as string[]);
    } catch (error) {
      stack += String((error as Error).stack);
    }
    expect(stack).toContain('hookpad-late/stream.js');
    expect(userFrames(stack)).toEqual([]);
  });

  it('refuses clearly a module it has no script for, and a shared module it does not share', () => {
    expect(() => late.loadLateModule('left-pad')).toThrow('The sandbox has no script for left-pad');
    expect(Object.keys(late.SHARED).sort()).toEqual([
      'buffer/',
      'events/',
      'string_decoder/',
      'util/',
    ]);
  });
});
