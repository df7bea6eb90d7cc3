import { z } from './schemaKit';
import type { PointId } from './schemas';
import { getPoint } from './points';

/** A JSON Schema (draft-7) document, as Monaco's JSON language service takes it. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a point's body for the payload editor (validation + hovers from
 * `z.describe()`). Refinements that JSON Schema cannot express are left out
 * (`unrepresentable: 'any'`), so the editor is never stricter than the run-time check.
 */
export function payloadJsonSchema(pointId: PointId): JsonSchema {
  return z.toJSONSchema(getPoint(pointId).bodySchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}
