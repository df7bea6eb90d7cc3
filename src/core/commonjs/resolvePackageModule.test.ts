import { describe, expect, test } from 'vitest';
import { indexPackageTree } from './packageTree';
import { resolvePackageModule, resolvePinnedPackage } from './resolvePackageModule';
import { manifest, realisticTree, treeOf } from './packageTrees.testSupport';

const index = (files: Record<string, string>) => indexPackageTree(treeOf(files));
const resolved = (files: Record<string, string>, request: string, from = '') =>
  resolvePackageModule(index(files), request, from)?.path;

function thrown(run: () => unknown): Error & { code?: string } {
  try {
    run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('the package tree', () => {
  test.each([
    ['../etc/passwd'],
    ['node_modules/a/../../../etc/passwd'],
    ['/node_modules/a/index.js'],
    ['node_modules//a/index.js'],
    ['node_modules/a/./index.js'],
    ['node_modules\\a\\index.js'],
    ['node_modules/a/index.js\n//'],
    ['lib/index.js'],
  ])('refuses the path %j', (path) => {
    expect(() => indexPackageTree({ files: [{ path, text: '' }] })).toThrow();
  });

  test('refuses duplicate paths and non-list shapes', () => {
    const file = { path: 'node_modules/a/index.js', text: '' };
    expect(() => indexPackageTree({ files: [file, file] })).toThrow(/duplicate file/);
    expect(() => indexPackageTree({ files: { __proto__: file } })).toThrow();
    expect(() => indexPackageTree(null)).toThrow();
  });

  test('a `__proto__` folder is just a name', () => {
    const files = { 'node_modules/__proto__/index.js': '' };
    expect(resolved(files, '__proto__')).toBe('node_modules/__proto__/index.js');
    expect(resolved(files, 'constructor')).toBeUndefined();
  });

  test('indexes every installed copy, hoisted first, with its version', () => {
    const tree = indexPackageTree(realisticTree());
    expect(tree.packages.get('ms')?.map((copy) => [copy.root, copy.version])).toEqual([
      ['node_modules/ms', '0.7.1'],
      ['node_modules/tiny-jwt/node_modules/ms', '2.1.3'],
    ]);
    expect(tree.packageOf('node_modules/@acme/claims/dist/node.js')).toMatchObject({
      name: '@acme/claims',
      version: '1.4.0',
    });
  });
});

describe('resolution without exports', () => {
  const files = {
    'node_modules/a/package.json': manifest({ name: 'a', version: '1.0.0', main: 'lib/main' }),
    'node_modules/a/lib/main.js': '',
    'node_modules/a/lib/util/index.json': '{}',
    'node_modules/a/data.json': '{}',
    'node_modules/a/exact': '',
    'node_modules/a/mod.cjs': '',
    'node_modules/b/index.js': '',
    'node_modules/c/package.json': manifest({ main: 'missing.js' }),
    'node_modules/c/index.js': '',
    'node_modules/d/package.json': manifest({ main: 'dist' }),
    'node_modules/d/dist/index.js': '',
    'node_modules/single.js': '',
  };

  test('main, with LOAD_AS_FILE extensions', () => {
    expect(resolved(files, 'a')).toBe('node_modules/a/lib/main.js');
  });

  test('a directory index (no package.json, or a main that is a folder)', () => {
    expect(resolved(files, 'b')).toBe('node_modules/b/index.js');
    expect(resolved(files, 'd')).toBe('node_modules/d/dist/index.js');
    expect(resolved(files, 'a/lib/util')).toBe('node_modules/a/lib/util/index.json');
  });

  test("a main that names no file falls back to the folder's index, as Node still does", () => {
    expect(resolved(files, 'c')).toBe('node_modules/c/index.js');
  });

  test('subpaths: exact file, .js, .json; .cjs only when written out, as in Node', () => {
    expect(resolved(files, 'a/exact')).toBe('node_modules/a/exact');
    expect(resolved(files, 'a/data')).toBe('node_modules/a/data.json');
    expect(resolved(files, 'a/lib/main')).toBe('node_modules/a/lib/main.js');
    expect(resolved(files, 'a/mod')).toBeUndefined();
    expect(resolved(files, 'a/mod.cjs')).toBe('node_modules/a/mod.cjs');
  });

  test('a file directly in node_modules', () => {
    expect(resolved(files, 'single')).toBe('node_modules/single.js');
  });

  test('relative and absolute-within-tree paths from a file of a package', () => {
    const from = 'node_modules/a/lib';
    expect(resolved(files, './main', from)).toBe('node_modules/a/lib/main.js');
    expect(resolved(files, '../data.json', from)).toBe('node_modules/a/data.json');
    expect(resolved(files, '..', from)).toBe('node_modules/a/lib/main.js');
    expect(resolved(files, '/node_modules/b', from)).toBe('node_modules/b/index.js');
  });

  test('escapes stay inside the tree and find nothing', () => {
    const from = 'node_modules/a/lib';
    expect(resolved(files, '../../../../../node_modules/b', from)).toBeUndefined();
    expect(resolved(files, '../../../../etc/passwd', from)).toBeUndefined();
    expect(resolved(files, 'a/../../b')).toBeUndefined();
    expect(resolved(files, 'a/../../../etc')).toBeUndefined();
    expect(resolved(files, '/../../node_modules/b')).toBeUndefined();
  });

  test('an unknown package is not found', () => {
    expect(resolved(files, 'nope')).toBeUndefined();
    expect(resolved(files, '@scope')).toBeUndefined();
  });

  test('a package.json that is not a JSON object is an error naming it', () => {
    const error = thrown(() => resolved({ 'node_modules/x/package.json': '{ main: ' }, 'x'));
    expect(error.code).toBe('ERR_INVALID_PACKAGE_CONFIG');
    expect(error.message).toContain('node_modules/x/package.json');
  });
});

describe('nested node_modules', () => {
  const files = {
    'node_modules/ms/index.js': '',
    'node_modules/a/index.js': '',
    'node_modules/a/lib/deep.js': '',
    'node_modules/a/node_modules/ms/index.js': '',
    'node_modules/a/node_modules/ms/node_modules/x/index.js': '',
    'node_modules/b/index.js': '',
  };

  test('the nearest copy shadows the hoisted one; others see the hoisted one', () => {
    expect(resolved(files, 'ms', 'node_modules/a/lib')).toBe(
      'node_modules/a/node_modules/ms/index.js',
    );
    expect(resolved(files, 'ms', 'node_modules/b')).toBe('node_modules/ms/index.js');
    expect(resolved(files, 'ms')).toBe('node_modules/ms/index.js');
  });

  test('a bare name walks up past its own node_modules to the hoisted ones', () => {
    expect(resolved(files, 'b', 'node_modules/a/node_modules/ms')).toBe('node_modules/b/index.js');
    expect(resolved(files, 'x', 'node_modules/a')).toBeUndefined();
  });
});

describe('exports', () => {
  const tree = indexPackageTree(realisticTree());
  const from = (request: string) => resolvePackageModule(tree, request, '')?.path;

  test('conditions: require over import, node over default, in the package’s key order', () => {
    expect(from('tiny-jwt')).toBe('node_modules/tiny-jwt/index.js');
    expect(from('@acme/claims')).toBe('node_modules/@acme/claims/dist/node.js');
  });

  test('exported subpaths and subpath patterns (scoped package)', () => {
    expect(from('tiny-jwt/decode')).toBe('node_modules/tiny-jwt/lib/decode.js');
    expect(from('@acme/claims/rules/email')).toBe('node_modules/@acme/claims/dist/rules/email.js');
  });

  test('a subpath not exported fails as Node does, naming package and subpath', () => {
    for (const request of ['tiny-jwt/lib/sign', '@acme/claims/rules/internal/secret']) {
      const error = thrown(() => from(request));
      expect(error.code).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    }
    expect(thrown(() => from('tiny-jwt/lib/sign')).message).toBe(
      `Package subpath './lib/sign' is not defined by "exports" in node_modules/tiny-jwt/package.json (package tiny-jwt@9.0.2)`,
    );
  });

  test('exports do not bind relative requires inside the package', () => {
    expect(resolvePackageModule(tree, './lib/sign', 'node_modules/tiny-jwt')?.path).toBe(
      'node_modules/tiny-jwt/lib/sign.js',
    );
  });

  test('a string exports; a target outside the package or missing is an error', () => {
    const files = {
      'node_modules/s/package.json': manifest({ exports: './main.js' }),
      'node_modules/s/main.js': '',
      'node_modules/t/package.json': manifest({
        exports: { '.': './../s/main.js', './n': './node_modules/x.js', './gone': './gone.js' },
      }),
    };
    expect(resolved(files, 's')).toBe('node_modules/s/main.js');
    expect(thrown(() => resolved(files, 's/main.js')).code).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    expect(thrown(() => resolved(files, 't')).code).toBe('ERR_INVALID_PACKAGE_TARGET');
    expect(thrown(() => resolved(files, 't/n')).code).toBe('ERR_INVALID_PACKAGE_TARGET');
    const missing = thrown(() => resolved(files, 't/gone'));
    expect(missing.code).toBe('MODULE_NOT_FOUND');
    expect(missing.message).toContain('node_modules/t/gone.js');
  });

  test('`#imports` of the requiring package', () => {
    const files = {
      'node_modules/p/package.json': manifest({
        imports: { '#dep': { node: 'q', default: './shim.js' }, '#own/*': './src/*.js' },
      }),
      'node_modules/p/src/a.js': '',
      'node_modules/q/index.js': '',
    };
    expect(resolved(files, '#own/a', 'node_modules/p')).toBe('node_modules/p/src/a.js');
    expect(resolved(files, '#dep', 'node_modules/p/src')).toBe('node_modules/q/index.js');
    expect(resolved(files, '#nope', 'node_modules/p')).toBeUndefined();
    expect(resolved(files, '#own/a')).toBeUndefined();
  });
});

describe('the version a hook pins', () => {
  const tree = indexPackageTree(realisticTree());

  test('picks the installed copy of that version, hoisted or nested', () => {
    expect(resolvePinnedPackage(tree, 'ms', '0.7.1')?.file.path).toBe('node_modules/ms/index.js');
    expect(resolvePinnedPackage(tree, 'ms', '2.1.3')?.file.path).toBe(
      'node_modules/tiny-jwt/node_modules/ms/index.js',
    );
    expect(resolvePinnedPackage(tree, 'tiny-jwt/decode', '9.0.2')).toMatchObject({
      file: { path: 'node_modules/tiny-jwt/lib/decode.js' },
      installed: { name: 'tiny-jwt', version: '9.0.2' },
    });
  });

  test('a version the tree does not hold is not found', () => {
    expect(resolvePinnedPackage(tree, 'ms', '3.0.0')).toBeUndefined();
    expect(resolvePinnedPackage(tree, 'nope', '1.0.0')).toBeUndefined();
  });
});
