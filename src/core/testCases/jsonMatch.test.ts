import { describe, expect, test } from 'vitest';
import { isJsonEqual, isJsonSubset, matchesJson } from './jsonMatch';

describe('isJsonSubset', () => {
  test('an object contains the keys it is expected to have, whatever else it has', () => {
    expect(isJsonSubset({ a: 1 }, { a: 1, b: 2 })).toBe(true);
    expect(isJsonSubset({}, { a: 1 })).toBe(true);
    expect(isJsonSubset({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(isJsonSubset({ a: 1 }, { a: 2 })).toBe(false);
  });

  test('nested objects are compared key by key', () => {
    const user = { email: 'a@b.c', app_metadata: { plan: 'pro', seats: 3 }, tags: ['x'] };
    expect(isJsonSubset({ app_metadata: { plan: 'pro' } }, user)).toBe(true);
    expect(isJsonSubset({ app_metadata: { plan: 'free' } }, user)).toBe(false);
    expect(isJsonSubset({ app_metadata: { plan: 'pro', region: 'eu' } }, user)).toBe(false);
  });

  test('null is a value: it neither matches a missing key nor is matched by one', () => {
    expect(isJsonSubset({ a: null }, {})).toBe(false);
    expect(isJsonSubset({ a: null }, { a: null })).toBe(true);
    expect(isJsonSubset({ a: {} }, { a: null })).toBe(false);
    expect(isJsonSubset(null, undefined)).toBe(false);
  });

  test('each expected array element is contained in the element at the same index', () => {
    expect(isJsonSubset([{ id: 1 }], [{ id: 1, name: 'one' }, { id: 2 }])).toBe(true);
    expect(isJsonSubset([{ id: 2 }], [{ id: 1 }, { id: 2 }])).toBe(false);
    expect(isJsonSubset([1, 2], [1])).toBe(false);
    expect(isJsonSubset([], [1])).toBe(true);
  });

  test('kinds of value do not mix: an array is not an object, a string not a number', () => {
    expect(isJsonSubset({}, [])).toBe(false);
    expect(isJsonSubset([], {})).toBe(false);
    expect(isJsonSubset('1', 1)).toBe(false);
    expect(isJsonSubset(false, null)).toBe(false);
  });
});

describe('isJsonEqual', () => {
  test('objects need the same keys, in any order', () => {
    expect(isJsonEqual({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(isJsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(isJsonEqual({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
  });

  test('arrays need the same length and the same elements in the same order', () => {
    expect(isJsonEqual([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(isJsonEqual([1], [1, 2])).toBe(false);
    expect(isJsonEqual([1, 2], [2, 1])).toBe(false);
  });

  test('null is not a missing key, and nothing equals a missing value', () => {
    expect(isJsonEqual({ a: null }, {})).toBe(false);
    expect(isJsonEqual({}, { a: null })).toBe(false);
    expect(isJsonEqual(null, null)).toBe(true);
    expect(isJsonEqual(null, undefined)).toBe(false);
  });
});

describe('matchesJson', () => {
  test('"equals" compares exactly, "contains" as a subset', () => {
    const actual = { user: { plan: 'pro', seats: 3 } };
    expect(matchesJson({ contains: { user: { plan: 'pro' } } }, actual)).toBe(true);
    expect(matchesJson({ equals: { user: { plan: 'pro' } } }, actual)).toBe(false);
    expect(matchesJson({ equals: { user: { seats: 3, plan: 'pro' } } }, actual)).toBe(true);
  });
});
