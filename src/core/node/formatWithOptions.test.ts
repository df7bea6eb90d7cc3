import { describe, expect, test } from 'vitest';
import * as nodeUtil from 'node:util';
import { loadBuiltin } from './builtinModules';

// util.format and util.formatWithOptions in a run, with Node's util as the oracle (for values
// whose inspection the port prints as Node does).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's untyped module shape
const util: any = loadBuiltin('util', { defer: () => undefined });

class Named {
  toString() {
    return 'named!';
  }
}

const CASES: unknown[][] = [
  ['plain'],
  ['%s=%d', 'a', 1],
  ['%s %s', 'only one'],
  ['%i|%f|%d', '42.9px', '1.5e3', '7'],
  ['%d %i', -0, 10n],
  ['%s', 10n],
  ['%s', -0],
  ['%s', { a: { b: 1 } }],
  ['%s', [1, 2]],
  ['%s', new Named()],
  ['%s', null],
  ['%s', undefined],
  ['%s', Symbol('s')],
  ['%j', { a: [1, 'x'] }],
  ['%O', { a: { b: { c: 1 } } }],
  ['%c styled', 'color: red'],
  ['100%% sure %s', 'yes'],
  ['%%s', 'x'],
  ['%x %s', 'a'],
  ['trailing %', 1],
  ['%s:', 'a', 'b', { c: 1 }, 3],
  [{ a: 1 }, 'b', 2],
  [1, 2, 3],
  [],
];

describe('util.format and util.formatWithOptions', () => {
  test.each(CASES)('format(%j) is what Node gives', (...args) => {
    expect(util.format(...args)).toBe(nodeUtil.format(...args));
    expect(util.formatWithOptions({}, ...args)).toBe(nodeUtil.formatWithOptions({}, ...args));
  });

  test('%j of a circular value is [Circular]', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(util.format('%j', circular)).toBe(nodeUtil.format('%j', circular));
  });

  test('the inspect options apply to inspected values (debug passes its own)', () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    expect(util.formatWithOptions({ depth: 0 }, 'x %O', deep)).toBe(
      nodeUtil.formatWithOptions({ depth: 0 }, 'x %O', deep),
    );
    expect(util.formatWithOptions({ depth: 0 }, deep)).toBe('{ a: [Object] }');
  });

  test('options that are not an object are a TypeError, as in Node', () => {
    expect(() => util.formatWithOptions('%s', 'x')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' }) as Error,
    );
  });
});
