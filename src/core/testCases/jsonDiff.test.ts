import { describe, expect, test } from 'vitest';
import { formatJsonDiff, jsonDiff } from './jsonDiff';
import { isJsonEqual, isJsonSubset } from './jsonMatch';
import type { JsonValue } from '../schemas';

describe('jsonDiff', () => {
  test('no differences between equal values', () => {
    expect(jsonDiff({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  test('names missing, unexpected and changed values by their path', () => {
    const expected = { user: { app_metadata: { plan: 'pro', seats: 3 } } };
    const actual = { user: { app_metadata: { plan: 'free', region: 'eu' } } };
    expect(jsonDiff(expected, actual)).toEqual([
      { path: 'user.app_metadata.plan', kind: 'changed', expected: 'pro', actual: 'free' },
      { path: 'user.app_metadata.seats', kind: 'missing', expected: 3 },
      { path: 'user.app_metadata.region', kind: 'unexpected', actual: 'eu' },
    ]);
  });

  test('arrays by index: extra elements are unexpected, absent ones missing', () => {
    expect(jsonDiff({ tags: ['a', 'b'] }, { tags: ['a', 'c', 'd'] })).toEqual([
      { path: 'tags[1]', kind: 'changed', expected: 'b', actual: 'c' },
      { path: 'tags[2]', kind: 'unexpected', actual: 'd' },
    ]);
    expect(jsonDiff([1, 2], [1])).toEqual([{ path: '[1]', kind: 'missing', expected: 2 }]);
  });

  test('as a subset, keys and trailing elements only in the actual value are fine', () => {
    const expected = { user: { plan: 'pro' }, tags: ['a'] };
    expect(
      jsonDiff(expected, { user: { plan: 'pro', x: 1 }, tags: ['a', 'b'] }, { subset: true }),
    ).toEqual([]);
    expect(jsonDiff(expected, { user: { x: 1 }, tags: [] }, { subset: true })).toEqual([
      { path: 'user.plan', kind: 'missing', expected: 'pro' },
      { path: 'tags[0]', kind: 'missing', expected: 'a' },
    ]);
  });

  test('null against a missing key is missing; against a value it is changed', () => {
    expect(jsonDiff({ a: null }, {})).toEqual([{ path: 'a', kind: 'missing', expected: null }]);
    expect(jsonDiff({ a: null }, { a: 0 })).toEqual([
      { path: 'a', kind: 'changed', expected: null, actual: 0 },
    ]);
  });

  test('values of different kinds differ as a whole', () => {
    expect(jsonDiff({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { path: 'a', kind: 'changed', expected: [1], actual: { 0: 1 } },
    ]);
    expect(jsonDiff({ a: 1 }, 'text')).toEqual([
      { path: '', kind: 'changed', expected: { a: 1 }, actual: 'text' },
    ]);
  });

  test('an absent actual value is missing as a whole', () => {
    expect(jsonDiff({ a: 1 }, undefined)).toEqual([
      { path: '', kind: 'missing', expected: { a: 1 } },
    ]);
  });

  test('keys that are not plain names are quoted, as claims often are', () => {
    expect(jsonDiff({ 'https://example.com/role': 'admin' }, {})).toEqual([
      { path: '["https://example.com/role"]', kind: 'missing', expected: 'admin' },
    ]);
    expect(jsonDiff({ a: { 'b.c': 1 } }, { a: { 'b.c': 2 } })[0]?.path).toBe('a["b.c"]');
  });

  test('is empty exactly when the matchers say the values match', () => {
    const pairs: [JsonValue, JsonValue][] = [
      [{ a: [1, { b: 2 }] }, { a: [1, { b: 2, c: 3 }, 4] }],
      [{ a: null }, {}],
      [
        [1, 2],
        [1, 2],
      ],
      [{ a: 1 }, { a: 1 }],
      [[], [1]],
    ];
    for (const [expected, actual] of pairs) {
      expect(jsonDiff(expected, actual).length === 0).toBe(isJsonEqual(expected, actual));
      expect(jsonDiff(expected, actual, { subset: true }).length === 0).toBe(
        isJsonSubset(expected, actual),
      );
    }
  });
});

describe('formatJsonDiff', () => {
  test('one readable line per difference', () => {
    const text = formatJsonDiff(
      jsonDiff({ user: { plan: 'pro', seats: 3 } }, { user: { plan: 'free', extra: true } }),
    );
    expect(text).toBe(
      [
        'user.plan: expected "pro", got "free"',
        'user.seats: missing (expected 3)',
        'user.extra: unexpected true',
      ].join('\n'),
    );
  });

  test('the whole value when the path is empty; nothing when there is no difference', () => {
    expect(formatJsonDiff(jsonDiff(1, undefined))).toBe('(the whole value): missing (expected 1)');
    expect(formatJsonDiff([])).toBe('');
  });
});
