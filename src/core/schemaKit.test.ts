import { describe, expect, test } from 'vitest';
import { z } from './schemaKit';

const messages = (schema: z.ZodMiniType, input: unknown): string[] => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('schemaKit', () => {
  // zod/mini alone answers "Invalid input" to everything: users and saved tests read these words.
  test("a schema's issues read in English", () => {
    expect(messages(z.string(), 1)).toEqual(['Invalid input: expected string, received number']);
    const positiveInt = z.number().check(z.int(), z.gte(1));
    expect(messages(positiveInt, 0.5)).toEqual(['Invalid input: expected int, received number']);
    expect(messages(positiveInt, 0)).toEqual(['Too small: expected number to be >=1']);
    expect(
      messages(z.strictObject({ a: z.string().check(z.maxLength(2)) }), { a: 'abc', b: 1 }),
    ).toEqual(['Too big: expected string to have <=2 characters', 'Unrecognized key: "b"']);
    expect(messages(z.enum(['pre', 'post']), 'mid')).toEqual([
      'Invalid option: expected one of "pre"|"post"',
    ]);
  });
});
