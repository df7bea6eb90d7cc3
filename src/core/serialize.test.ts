import { describe, expect, test } from 'vitest';
import { serialize, SERIALIZE_LIMITS } from './serialize';
import { serializeError, toError } from './serializeError';
import { parseSpecifier } from './createRequire';

describe('serialize', () => {
  test('cycles, BigInt, functions, undefined, symbols', () => {
    const value: Record<string, unknown> = {
      n: 10n,
      f: function named() {},
      a: () => 1,
      u: undefined,
      list: [undefined, NaN, Infinity],
      s: Symbol('x'),
    };
    value.self = value;
    expect(serialize(value)).toEqual({
      n: '10n',
      f: '[Function: named]',
      a: '[Function: a]',
      list: [null, 'NaN', 'Infinity'],
      s: 'Symbol(x)',
      self: '[Circular]',
    });
    expect(serialize(undefined)).toBe('undefined');
    expect(serialize(class Foo {})).toBe('[class Foo]');
  });

  test('Error, Map, Set, Date', () => {
    const error = Object.assign(new RangeError('bad'), { code: 7 });
    const result = serialize({
      error,
      map: new Map([['k', 1]]),
      set: new Set([1]),
      date: new Date(0),
    });
    expect(result).toMatchObject({
      error: { name: 'RangeError', message: 'bad', code: 7 },
      map: { '[Map]': [['k', 1]] },
      set: { '[Set]': [1] },
      date: '1970-01-01T00:00:00.000Z',
    });
  });

  test('caps depth, strings, keys and items', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 12; i++) deep = { d: deep };
    expect(JSON.stringify(serialize(deep))).toContain('"[Object]"');
    expect(serialize('x'.repeat(10_005))).toBe(`${'x'.repeat(10_000)}… (5 more characters)`);
    const many = Object.fromEntries(Array.from({ length: 205 }, (_, i) => [`k${i}`, i]));
    const keys = Object.keys(serialize(many) as object);
    expect(keys).toHaveLength(SERIALIZE_LIMITS.keys + 1);
    expect((serialize(many) as Record<string, unknown>)['…']).toBe('5 more keys');
    expect((serialize(new Array(201).fill(0)) as unknown[]).at(-1)).toBe('… 1 more items');
  });

  test('a getter that throws does not break serialisation', () => {
    const value = {
      get boom(): never {
        throw new Error('nope');
      },
    };
    expect(serialize(value)).toEqual({ boom: '[Thrown while reading: nope]' });
  });
});

describe('serializeError', () => {
  test('non-Error values are wrapped like the platform did', () => {
    expect(toError('plain string').message).toBe('plain string');
    expect(toError({ message: 'm' }).message).toBe('m');
    expect(toError('').message).toBe('Unknown error');
    expect(serializeError({ message: 'm', code: 1 })).toMatchObject({
      name: 'Error',
      message: 'm',
    });
  });
});

describe('require specifiers', () => {
  test.each([
    ['lodash', { name: 'lodash', specifier: 'lodash' }],
    ['lodash@4.17.21', { name: 'lodash', version: '4.17.21', specifier: 'lodash@4.17.21' }],
    ['@scope/pkg', { name: '@scope/pkg', specifier: '@scope/pkg' }],
    ['@scope/pkg@1.2.3', { name: '@scope/pkg', version: '1.2.3', specifier: '@scope/pkg@1.2.3' }],
  ])('%s', (specifier, expected) => {
    expect(parseSpecifier(specifier)).toEqual(expected);
  });
});
