import { describe, expect, it } from 'vitest';
import { rawJson } from './rawJson';

describe('rawJson', () => {
  it('exports whatever a damaged record holds as JSON text', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const text = rawJson({
      big: 10n,
      map: new Map([['a', 1]]),
      set: new Set([1, 2]),
      cyclic,
      nan: Number.NaN,
      bytes: new Uint8Array(3),
    });
    expect(JSON.parse(text)).toEqual({
      big: '10',
      map: { a: 1 },
      set: [1, 2],
      cyclic: { name: 'x', self: '[Circular]' },
      nan: 'NaN',
      bytes: '[binary data, 3 bytes]',
    });
    expect(rawJson(undefined)).toBe('null');
  });
});
