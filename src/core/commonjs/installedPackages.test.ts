import { describe, expect, test } from 'vitest';
import { HOST_NAMES } from '../buildModuleFactory';
import { createRequire } from '../createRequire';
import { createPackageLoader, type HostBindings } from './createPackageLoader';
import { indexPackageTree, type PackageTree } from './packageTree';
import { hook, runHook } from '../network/runHook.testkit';

// Real packages, as npm installed them for this project: semver (many internal files), qs
// with its tree of 21 small dependencies (get-intrinsic, side-channel…), and debug, whose
// Node build reads `tty` and `process.stderr`. Their text files make the tree the store would hand the worker.
const installed = import.meta.glob<string>(
  [
    '/node_modules/{semver,debug,ms}/**/*.{js,json}',
    '/node_modules/{qs,es-define-property,side-channel,es-errors,object-inspect}/**/*.{js,json}',
    '/node_modules/{side-channel-list,side-channel-map,side-channel-weakmap}/**/*.{js,json}',
    '/node_modules/{call-bound,call-bind-apply-helpers,function-bind,get-intrinsic}/**/*.{js,json}',
    '/node_modules/{async-function,async-generator-function,generator-function}/**/*.{js,json}',
    '/node_modules/{es-object-atoms,get-proto,dunder-proto,gopd,has-symbols}/**/*.{js,json}',
    '/node_modules/{hasown,math-intrinsics}/**/*.{js,json}',
    '!**/test/**',
  ],
  { query: '?raw', import: 'default', eager: true },
);

const tree: PackageTree = {
  files: Object.entries(installed).map(([path, text]) => ({ path: path.slice(1), text })),
};

const host = Object.fromEntries(
  HOST_NAMES.map((name) => [name, name === 'global' ? globalThis : Reflect.get(globalThis, name)]),
) as HostBindings;

function hookRequire() {
  return createRequire({
    env: { defer: (callback) => callback() },
    packages: createPackageLoader(indexPackageTree(tree), host),
  }) as (id: string) => never;
}

const versionOf = (name: string) =>
  (JSON.parse(installed[`/node_modules/${name}/package.json`] ?? '{}') as { version?: string })
    .version;

describe('real installed packages', () => {
  test('semver runs its real code', () => {
    const semver = hookRequire()('semver') as {
      satisfies(version: string, range: string): boolean;
      maxSatisfying(versions: string[], range: string): string | null;
    };
    expect(semver.satisfies('4.17.21', '^4.17.0')).toBe(true);
    expect(semver.maxSatisfying(['1.2.3', '1.9.0', '2.0.0'], '~1.2 || ^1.5')).toBe('1.9.0');
    const Range = hookRequire()('semver/classes/range') as new (range: string) => {
      range: string;
    };
    expect(new Range('>=1.2.3 <2').range).toBe('>=1.2.3 <2.0.0-0');
  });

  test('qs and its dependency tree run, cycle detection (side-channel) included', () => {
    const qs = hookRequire()('qs') as {
      parse(text: string): unknown;
      stringify(value: unknown, options?: object): string;
    };
    expect(qs.parse('a[b]=1&a[c][]=2&d=%20x')).toEqual({ a: { b: '1', c: ['2'] }, d: ' x' });
    expect(qs.stringify({ a: { b: [1, 2] } }, { encode: false })).toBe('a[b][0]=1&a[b][1]=2');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => qs.stringify(cyclic)).toThrow('Cyclic object value');
  });

  test("debug's Node build loads in a run: no TTY, so no colours, and a debugger is off until enabled", async () => {
    const run = await runHook(
      hook(`const debug = require('debug');
const log = debug('app'); log('not printed while off');
cb(null, { colors: debug.useColors(), enabled: debug.enabled('app'), version: require('debug/package.json').version });`),
      {},
      { packages: tree },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { colors: false, enabled: false, version: versionOf('debug') },
    });
    expect(run.lines).toEqual([]);
  });
});
