import { describe, expect, it } from 'vitest';
import { expectationsJsonSchema, testOverridesJsonSchema } from './testJsonSchemas';

describe('the JSON Schemas of the test editors', () => {
  it('name every expectation, and refuse other keys as the zod schema does', () => {
    const schema = expectationsJsonSchema();
    expect(Object.keys(schema.properties as object)).toEqual([
      'outcome',
      'response',
      'mergedUser',
      'claims',
      'messageToUser',
      'console',
      'requests',
      'storage',
    ]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('offer the overrides, the timeout among them', () => {
    const properties = testOverridesJsonSchema().properties as Record<string, unknown>;
    expect(Object.keys(properties)).toContain('timeoutMs');
    expect(Object.keys(properties)).toContain('httpMocks');
  });
});
