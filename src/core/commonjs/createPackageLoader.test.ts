import { describe, expect, test } from 'vitest';
import { HOST_NAMES } from '../buildModuleFactory';
import { createRequire } from '../createRequire';
import { userFrames } from '../hookLocator';
import {
  createPackageLoader,
  type HostBindings,
  type RequireDelegate,
} from './createPackageLoader';
import { indexPackageTree } from './packageTree';
import { manifest, realisticTree, treeOf } from './packageTrees.testSupport';
import type { PackageTree } from './packageTree';

const host = Object.fromEntries(
  HOST_NAMES.map((name) => [name, name === 'global' ? globalThis : Reflect.get(globalThis, name)]),
) as HostBindings;

/** The hook's require without stored packages: built-ins and nothing else. */
const builtins: RequireDelegate = (() => {
  const require = createRequire({ env: { defer: (callback) => callback() } });
  return (id: string) => require(id);
})();

function loaderOf(tree: PackageTree, delegate: RequireDelegate = builtins) {
  const loader = createPackageLoader(indexPackageTree(tree), host);
  return (name: string, version?: string) => loader.requireFromHook(name, version, delegate);
}

const pkg = (name: string, files: Record<string, string>, version = '1.0.0') =>
  Object.fromEntries([
    [`node_modules/${name}/package.json`, manifest({ name, version })],
    ...Object.entries(files).map(([path, text]) => [`node_modules/${name}/${path}`, text]),
  ]);

function thrown(run: () => unknown): Error & { code?: string; cause?: unknown } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('loading stored packages', () => {
  test('the realistic package runs for real: exports, nested dep, JSON, crypto', () => {
    const load = loaderOf(realisticTree());
    const jwt = load('tiny-jwt')?.exports as {
      sign(payload: object, secret: string): string;
      decode(token: string): Record<string, unknown>;
      version: string;
    };
    expect(jwt.version).toBe('9.0.2');
    const token = jwt.sign({ sub: 'auth0|1' }, 'shh');
    // exp from the nested ms@2.1.3 (the default '1h' of defaults.json), not the hoisted 0.7.1.
    expect(jwt.decode(token)).toEqual({ sub: 'auth0|1', exp: 1000 + 3600, msVersion: '2.1.3' });
    const [head, signature] = [token.slice(0, token.lastIndexOf('.')), token.split('.')[2]];
    const crypto = builtins('crypto') as typeof import('node:crypto');
    const hmac = crypto.createHmac('sha256', 'shh').update(head).digest('base64');
    expect(signature).toBe(hmac.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
    expect((load('ms')?.exports as { version: string }).version).toBe('0.7.1');
    expect(load('tiny-jwt')?.installed).toMatchObject({ name: 'tiny-jwt', version: '9.0.2' });
  });

  test('each file runs once per loader; a second loader runs it again', () => {
    const tree = treeOf(
      pkg('a', {
        'index.js': 'globalThis.__runs = (globalThis.__runs ?? 0) + 1; module.exports = {};',
      }),
    );
    const load = loaderOf(tree);
    const first = load('a')?.exports;
    expect(load('a')?.exports).toBe(first);
    expect(load('a/index.js')?.exports).toBe(first);
    expect(Reflect.get(globalThis, '__runs')).toBe(1);
    loaderOf(tree)('a');
    expect(Reflect.get(globalThis, '__runs')).toBe(2);
    Reflect.deleteProperty(globalThis, '__runs');
  });

  test('a cycle gets the partial exports, as in Node', () => {
    const load = loaderOf(
      treeOf(
        pkg('c', {
          'index.js':
            "exports.early = 1; const b = require('./b'); exports.late = 2; exports.seen = b.seen;",
          'b.js': "const a = require('./index'); exports.seen = JSON.stringify(a);",
        }),
      ),
    );
    expect(load('c')?.exports).toEqual({ early: 1, late: 2, seen: '{"early":1}' });
  });

  test('module.exports reassignment, this, module fields, __filename and __dirname', () => {
    const load = loaderOf(
      treeOf(
        pkg('m', {
          'lib/index.js': [
            'const self = this === exports;',
            'module.exports = function answer() { return 42; };',
            'module.exports.info = { self, __filename, __dirname, id: module.id, loaded: module.loaded,',
            "  resolved: require.resolve('./other'), core: require.resolve('node:util') };",
          ].join('\n'),
          'lib/other.js': '',
          'package.json': manifest({ name: 'm', version: '2.0.0', main: 'lib' }),
        }),
      ),
    );
    const answer = load('m')?.exports as (() => number) & { info: unknown };
    expect(answer()).toBe(42);
    expect(answer.info).toEqual({
      self: true,
      __filename: '/node_modules/m/lib/index.js',
      __dirname: '/node_modules/m/lib',
      id: '/node_modules/m/lib/index.js',
      loaded: false,
      resolved: '/node_modules/m/lib/other.js',
      core: 'node:util',
    });
  });

  test('__dirname joins resolve inside the tree', () => {
    const load = loaderOf(
      treeOf(
        pkg('d', {
          'index.js': "module.exports = require(__dirname + '/data.json');",
          'data.json': '[1]',
        }),
      ),
    );
    expect(load('d')?.exports).toEqual([1]);
  });

  test('a package gets the built-in crypto, events and util, as the hook does', () => {
    const load = loaderOf(
      treeOf(
        pkg('e', {
          'index.js': [
            "const { EventEmitter } = require('events');",
            "const util = require('node:util');",
            "const crypto = require('crypto');",
            'const emitter = new EventEmitter();',
            'let heard;',
            "emitter.on('x', (value) => { heard = value; });",
            "emitter.emit('x', util.format('%s!', 'hi'));",
            "module.exports = { heard, hash: crypto.createHash('sha256').update('a').digest('hex').slice(0, 8) };",
          ].join('\n'),
        }),
      ),
    );
    expect(load('e')?.exports).toEqual({ heard: 'hi!', hash: 'ca978112' });
  });

  test('`buffer/` is the npm package, not the core module, as in Node', () => {
    const load = loaderOf(
      treeOf({
        ...pkg('uses', { 'index.js': "module.exports = require('buffer/').own;" }),
        ...pkg('buffer', { 'index.js': 'exports.own = true;' }),
      }),
    );
    expect(load('uses')?.exports).toBe(true);
  });

  test('a Node module Hookpad lacks names the API and the package', () => {
    const load = loaderOf(
      treeOf({
        ...pkg('a', { 'index.js': "require('b');" }),
        ...pkg('b', { 'index.js': "require('cluster');" }, '1.2.3'),
      }),
    );
    const error = thrown(() => load('a'));
    expect(error.message).toBe(
      "Package 'b@1.2.3' requires the Node module 'cluster', which Hookpad does not provide; mock the package instead",
    );
    expect(error.code).toBe('MODULE_NOT_FOUND');
    expect(
      thrown(() =>
        loaderOf(treeOf(pkg('f', { 'index.js': "require('node:readline/promises')" })))('f'),
      ).message,
    ).toContain("the Node module 'readline/promises'");
  });

  test('a missing file or dependency names the package and the path', () => {
    const load = loaderOf(
      treeOf({
        ...pkg('a', { 'index.js': "require('./gone');" }),
        ...pkg('b', { 'index.js': "require('left-pad');" }),
      }),
    );
    const missingFile = thrown(() => load('a'));
    expect(missingFile.message).toBe(
      "Cannot find module './gone' required by node_modules/a/index.js (package a@1.0.0)",
    );
    expect(missingFile.code).toBe('MODULE_NOT_FOUND');
    expect(thrown(() => load('b')).message).toBe(
      "Cannot find module 'left-pad' required by node_modules/b/index.js (package b@1.0.0): no stored package provides it",
    );
  });

  test('an optional dependency can be caught by its MODULE_NOT_FOUND code', () => {
    const load = loaderOf(
      treeOf(
        pkg('opt', {
          'index.js':
            "let x; try { x = require('optional-dep'); } catch (e) { x = e.code; } module.exports = x;",
        }),
      ),
    );
    expect(load('opt')?.exports).toBe('MODULE_NOT_FOUND');
  });

  test('an exception at the top level is reported with the package; the file runs again next time', () => {
    const load = loaderOf(
      treeOf({
        ...pkg('outer', { 'index.js': "require('boom');" }),
        ...pkg(
          'boom',
          {
            'index.js':
              "globalThis.__boom = (globalThis.__boom ?? 0) + 1; throw new TypeError('no config');",
          },
          '0.3.0',
        ),
      }),
    );
    const error = thrown(() => load('outer'));
    expect(error.message).toBe(
      "Package 'boom@0.3.0' threw while loading node_modules/boom/index.js: TypeError: no config",
    );
    expect(error.cause).toBeInstanceOf(TypeError);
    thrown(() => load('boom'));
    expect(Reflect.get(globalThis, '__boom')).toBe(2);
    Reflect.deleteProperty(globalThis, '__boom');
  });

  test('a thrown value that cannot be printed is still reported with the package', () => {
    const code = 'throw { toString() { throw new Error("no"); } };';
    const error = thrown(() => loaderOf(treeOf(pkg('h', { 'index.js': code })))('h'));
    expect(error.message).toBe(
      "Package 'h@1.0.0' threw while loading node_modules/h/index.js: a value that cannot be printed",
    );
  });

  test("a package's frames carry its file's name, never the hook's", () => {
    const load = loaderOf(
      treeOf(pkg('f', { 'lib/index.js': 'exports.fail = () => { throw new Error("x"); };' })),
    );
    const error = thrown(() => (load('f/lib/index.js')?.exports as { fail(): never }).fail());
    expect(error.stack).toMatch(/\(hookpad-packages\/node_modules\/f\/lib\/index\.js:\d+:\d+\)/);
    expect(userFrames(error.stack)).toEqual([]);
  });

  test('JSON: parsed, and a bad file is an error naming its path', () => {
    const load = loaderOf(
      treeOf(
        pkg('j', {
          'index.js': "module.exports = require('./bad.json');",
          'good.json': '{"__proto__": 1}',
          'bad.json': '{ nope',
        }),
      ),
    );
    const good = load('j/good.json')?.exports as object;
    expect(Object.getPrototypeOf(good)).toBe(Object.prototype);
    expect(Object.hasOwn(good, '__proto__')).toBe(true);
    expect(thrown(() => load('j')).message).toMatch(
      /^Package 'j@1.0.0' has a JSON file that does not parse, node_modules\/j\/bad.json: SyntaxError/,
    );
  });

  test('code that does not compile, or closes the wrapper early, names the package', () => {
    for (const code of [
      'module.exports = ;',
      '}; (function () {',
      '}\nfunction hookpadModule() {',
    ]) {
      const error = thrown(() => loaderOf(treeOf(pkg('s', { 'index.js': code })))('s'));
      expect(error.message).toMatch(
        /^Package 's@1.0.0' does not compile, node_modules\/s\/index.js: SyntaxError/,
      );
    }
  });

  test('an ES module or a native addon is refused with the package named', () => {
    const esm = treeOf({
      'node_modules/e/package.json': manifest({ name: 'e', version: '1.0.0', type: 'module' }),
      'node_modules/e/index.js': 'export default 1;',
    });
    expect(thrown(() => loaderOf(esm)('e')).code).toBe('ERR_REQUIRE_ESM');
    const jwt = thrown(() => loaderOf(realisticTree())('tiny-jwt/esm/index.mjs'));
    expect(jwt.code).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    const addon = treeOf(
      pkg('n', { 'index.js': "require('./build/n.node');", 'build/n.node': '' }),
    );
    expect(thrown(() => loaderOf(addon)('n')).message).toBe(
      "Package 'n@1.0.0' needs a native addon (node_modules/n/build/n.node), which Hookpad cannot run; mock the package instead",
    );
  });

  test('a package can reach a name its tree lacks through the delegate (a Hookpad client)', () => {
    const delegate: RequireDelegate = (id) => (id === 'axios' ? { client: true } : builtins(id));
    const load = loaderOf(
      treeOf(pkg('w', { 'index.js': "module.exports = require('axios');" })),
      delegate,
    );
    expect(load('w')?.exports).toEqual({ client: true });
  });

  test('a non-string or empty id is a TypeError, as in Node', () => {
    const load = loaderOf(
      treeOf(
        pkg('t', {
          'index.js':
            'let e1, e2; try { require(1); } catch (e) { e1 = e.name; } try { require(""); } catch (e) { e2 = e.name; } module.exports = [e1, e2];',
        }),
      ),
    );
    expect(load('t')?.exports).toEqual(['TypeError', 'TypeError']);
  });

  test('a deep chain of requires and a self-require terminate', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++)
      files[`f${i}.js`] =
        `module.exports = ${i === 199 ? 'require("./index")' : `require('./f${i + 1}')`};`;
    files['index.js'] =
      "module.exports.self = require('./index'); module.exports.start = require('./f0');";
    const exports = loaderOf(treeOf(pkg('chain', files)))('chain')?.exports as {
      start: unknown;
      self: unknown;
    };
    expect(exports.start).toBe(exports);
  });

  test('a name the tree does not hold (at that version) is undefined, for the next resolver', () => {
    const load = loaderOf(realisticTree());
    expect(load('lodash')).toBeUndefined();
    expect(load('ms', '1.0.0')).toBeUndefined();
    expect((load('ms', '2.1.3')?.exports as { version: string }).version).toBe('2.1.3');
  });
});
