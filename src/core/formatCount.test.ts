import { describe, expect, it } from 'vitest';
import { formatCount } from './formatCount';

describe('formatCount', () => {
  it('writes integers as en-US does', () => {
    for (const value of [0, 7, 999, 1000, 20_000, 500 * 1024, 1_000_000, 2_000_000, -1234567]) {
      expect(formatCount(value)).toBe(value.toLocaleString('en-US'));
    }
  });

  it('leaves what is not a safe integer as String() writes it', () => {
    expect(formatCount(1.5)).toBe('1.5');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
