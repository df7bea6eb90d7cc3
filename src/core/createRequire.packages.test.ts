import { describe, expect, test } from 'vitest';
import { HOST_NAMES } from './buildModuleFactory';
import { createRequire, type ModuleSubstituter } from './createRequire';
import { dependenciesOf } from './network/dependenciesOf';
import { createPackageLoader, type HostBindings } from './commonjs/createPackageLoader';
import { indexPackageTree } from './commonjs/packageTree';
import { manifest, realisticTree, treeOf } from './commonjs/packageTrees.testSupport';
import { ModuleRequestSchema, type ModuleRequest } from './schemas';

const host = Object.fromEntries(
  HOST_NAMES.map((name) => [name, name === 'global' ? globalThis : Reflect.get(globalThis, name)]),
) as HostBindings;

const tree = () =>
  treeOf({
    ...Object.fromEntries(realisticTree().files.map((file) => [file.path, file.text])),
    'node_modules/axios/package.json': manifest({ name: 'axios', version: '0.27.2' }),
    'node_modules/axios/index.js': "module.exports = { stored: 'axios' };",
    'node_modules/uses-got/package.json': manifest({ name: 'uses-got', version: '1.0.0' }),
    'node_modules/uses-got/index.js': "module.exports = require('got');",
  });

type Substitute = { kind: 'mock' | 'auto-mock'; build(require: (id: unknown) => unknown): unknown };

/** Module mocks and auto-mocks by name, as the network layer answers them. */
function substitutes(table: Record<string, Substitute>): ModuleSubstituter {
  return {
    resolve: (name, require) => {
      if (!Object.hasOwn(table, name)) return undefined;
      const substitute = table[name]!;
      return { exports: substitute.build(require), kind: substitute.kind };
    },
  };
}

function setup(table: Record<string, Substitute> = {}) {
  const requests: ModuleRequest[] = [];
  const warnings: string[] = [];
  const require = createRequire({
    warn: (text) => warnings.push(text),
    env: { defer: (callback) => callback() },
    onRequest: (request) => requests.push(request),
    clients: { axios: () => ({ client: 'axios' }), got: () => ({ client: 'got' }) },
    substitutes: substitutes(table),
    packages: createPackageLoader(indexPackageTree(tree()), host),
  });
  return { require: require as (id: string) => unknown, requests, warnings };
}

describe('require with stored packages', () => {
  test('a stored package runs, recorded with the version that ran; its own requires are not', () => {
    const { require, requests } = setup();
    const jwt = require('tiny-jwt') as { version: string };
    expect(jwt.version).toBe('9.0.2');
    expect(require('tiny-jwt/decode')).toBeTypeOf('function');
    expect((require('ms@2.1.3') as { version: string }).version).toBe('2.1.3');
    expect(requests).toEqual([
      { name: 'tiny-jwt', kind: 'package', installed: '9.0.2' },
      { name: 'tiny-jwt/decode', kind: 'package', installed: '9.0.2' },
      { name: 'ms', version: '2.1.3', kind: 'package', installed: '2.1.3' },
    ]);
    expect(requests.every((request) => ModuleRequestSchema.safeParse(request).success)).toBe(true);
  });

  test('a module mock beats the stored package, and its own require reaches the package', () => {
    const { require, requests } = setup({
      'tiny-jwt': { kind: 'mock', build: (own) => ({ mocked: own('tiny-jwt') }) },
    });
    expect(require('tiny-jwt')).toEqual({ mocked: expect.objectContaining({ version: '9.0.2' }) });
    expect(requests).toEqual([{ name: 'tiny-jwt', kind: 'mock' }]);
  });

  test('an auto-mock beats the stored package', () => {
    const { require, requests } = setup({ ms: { kind: 'auto-mock', build: () => 'recording' } });
    expect(require('ms')).toBe('recording');
    expect(requests).toEqual([{ name: 'ms', kind: 'auto-mock' }]);
  });

  test("a stored package beats Hookpad's client; a version the tree lacks falls to the client", () => {
    const { require, requests } = setup();
    expect(require('axios')).toEqual({ stored: 'axios' });
    const other = setup();
    expect(other.require('axios@1.6.0')).toEqual({ client: 'axios' });
    expect(requests).toEqual([{ name: 'axios', kind: 'package', installed: '0.27.2' }]);
    expect(other.requests).toEqual([{ name: 'axios', version: '1.6.0', kind: 'client' }]);
  });

  test("a package reaches Hookpad's client for a name its tree lacks", () => {
    const { require, requests } = setup();
    expect(require('uses-got')).toEqual({ client: 'got' });
    expect(requests).toEqual([{ name: 'uses-got', kind: 'package', installed: '1.0.0' }]);
  });

  test('two pinned versions the tree holds both load, without the one-copy warning', () => {
    const { require, warnings } = setup();
    expect((require('ms@0.7.1') as { version: string }).version).toBe('0.7.1');
    expect((require('ms@2.1.3') as { version: string }).version).toBe('2.1.3');
    expect(require('axios@1.6.0')).toEqual({ client: 'axios' });
    expect(require('axios@0.27.2')).toEqual({ stored: 'axios' });
    expect(warnings).toEqual([
      "Module 'axios' is required at version 0.27.2 here and at 1.6.0 before; the platform would load both, Hookpad resolves one module for both",
    ]);
  });

  test('a module neither mocked, stored nor a client is missing, as before', () => {
    const { require, requests } = setup();
    expect(() => require('lodash@4.17.21')).toThrow(
      "Module 'lodash' is not available in Hookpad — add a module mock or choose Auto-mock for it",
    );
    expect(requests).toEqual([{ name: 'lodash', version: '4.17.21', kind: 'missing' }]);
  });

  test('errors of a stored package reach the hook as they are', () => {
    const { require } = setup();
    expect(() => require('tiny-jwt/lib/sign')).toThrow(
      `Package subpath './lib/sign' is not defined by "exports"`,
    );
  });

  test('Dependencies: an unpinned stored package is declared at the version that ran', () => {
    const { require, requests } = setup();
    require('tiny-jwt');
    require('ms@2.1.3');
    expect(dependenciesOf(requests)).toEqual({ 'tiny-jwt': '9.0.2', ms: '2.1.3' });
  });

  test('the request schema: a package request carries the version that ran', () => {
    expect(ModuleRequestSchema.safeParse({ name: 'a', kind: 'package' }).success).toBe(false);
    expect(
      ModuleRequestSchema.safeParse({ name: 'a', kind: 'package', installed: '1.0.0' }).success,
    ).toBe(true);
    expect(ModuleRequestSchema.safeParse({ name: 'a', kind: 'builtin' }).success).toBe(true);
  });
});
