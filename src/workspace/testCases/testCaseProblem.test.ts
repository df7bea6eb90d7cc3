import { describe, expect, test } from 'vitest';
import { newTestId, testCaseProblem } from './testCaseProblem';

const valid = { name: 'Signs up', payloadText: '{}', expectations: {} };

describe('testCaseProblem', () => {
  test('accepts a test the stored-hook schema accepts', () => {
    expect(testCaseProblem(valid)).toBeNull();
  });

  test('names what the schema refuses', () => {
    expect(testCaseProblem({ ...valid, name: '  ' })).toBe('name: A test needs a name.');
    expect(testCaseProblem({ ...valid, payloadText: '{' })).toBe(
      'payloadText: The payload must be valid JSON.',
    );
    expect(
      testCaseProblem({ ...valid, overrides: { timeoutMs: 5 } } as Parameters<
        typeof testCaseProblem
      >[0]),
    ).toMatch(/^overrides\.timeoutMs: /);
  });
});

describe('newTestId', () => {
  test('gives a new id each time', () => {
    expect(newTestId()).not.toBe(newTestId());
  });
});
