import { describe, expect, it } from 'vitest';
import { nextTestName } from './testNames';

describe('nextTestName', () => {
  it('numbers the first test 1 and the next one after the count', () => {
    expect(nextTestName([])).toBe('Test 1');
    expect(nextTestName(['Gold plan', 'Denied domain'])).toBe('Test 3');
  });

  it('skips a number already taken', () => {
    expect(nextTestName(['Test 2'])).toBe('Test 3');
    expect(nextTestName(['Test 2', ' Test 3 '])).toBe('Test 4');
  });
});
