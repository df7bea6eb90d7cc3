import { z } from '../schemaKit';
import type { JsonSchema } from '../jsonSchemas';
import { ExpectationsSchema, TestOverridesSchema } from './testCaseSchema';

// For the "Edit test" dialog's JSON editors: completion and validation as you type. The zod
// schemas stay the judge when saving; refinements JSON Schema cannot express (a pattern that
// must compile) are left out here, so the editor is never stricter than the save.
const toJsonSchema = (schema: z.ZodMiniType): JsonSchema =>
  z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;

export const expectationsJsonSchema = (): JsonSchema => toJsonSchema(ExpectationsSchema);
export const testOverridesJsonSchema = (): JsonSchema => toJsonSchema(TestOverridesSchema);
