import { describe, expect, it } from 'vitest';
import { JsonValueSchema } from '../core/schemas';
import { isJsonTree } from './isJsonTree';

describe('isJsonTree', () => {
  it('accepts what JSON.parse produces, like JsonValueSchema', () => {
    const values = [
      'x',
      0,
      -1.5,
      true,
      null,
      [],
      {},
      JSON.parse('{"a":[1,"b",{"c":null}],"d":{"e":false},"__proto__":{"f":1}}') as unknown,
      Object.assign(Object.create(null) as object, { a: 1 }),
    ];
    for (const value of values) {
      expect(isJsonTree(value)).toBe(true);
      expect(JsonValueSchema.safeParse(value).success).toBe(true);
    }
  });

  it('rejects what is not JSON, like JsonValueSchema', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const values = [
      undefined,
      NaN,
      Infinity,
      1n,
      Symbol('s'),
      () => 1,
      new Date(0),
      new Map(),
      /x/,
      new Uint8Array(2),
      sparse,
      { a: undefined },
      [1, [2, [3, new Set()]]],
    ];
    for (const value of values) {
      expect(isJsonTree(value)).toBe(false);
      expect(JsonValueSchema.safeParse(value).success).toBe(false);
    }
  });

  it('rejects cycles and shared references', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isJsonTree(cyclic)).toBe(false);
    const shared = { x: 1 };
    expect(isJsonTree({ a: shared, b: shared })).toBe(false);
    expect(isJsonTree([shared, shared])).toBe(false);
  });

  it('handles deep nesting without recursion', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(isJsonTree(deep)).toBe(true);
  });
});
