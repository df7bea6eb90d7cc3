import { parseExpressionAt, type Expression } from 'acorn';
import type { PointId } from './schemas';
import { payloadJsonSchema, type JsonSchema } from './jsonSchemas';
import { documentedType } from './typeOfJsonSchema';

// The payload editor's JSON Schema flags what the platform refuses (errors). A field the
// platform never checks but documents with a type ("boolean — is the email verified?")
// still runs with a value of another type; the hook then gets what it did not expect.
// Those values are warnings, found here.

/** A warning about the payload text at offsets [start, end). */
export interface PayloadTypeWarning {
  start: number;
  end: number;
  message: string;
}

const KINDS: Record<string, { article: string; accepts(value: unknown): boolean }> = {
  string: { article: 'a string', accepts: (v) => typeof v === 'string' },
  boolean: { article: 'a boolean', accepts: (v) => typeof v === 'boolean' },
  number: { article: 'a number', accepts: (v) => typeof v === 'number' },
  'string[]': {
    article: 'an array of strings',
    accepts: (v) => Array.isArray(v) && v.every((item) => typeof item === 'string'),
  },
  'Record<string, any>': {
    article: 'an object',
    accepts: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  },
};

const asSchema = (value: unknown): JsonSchema =>
  typeof value === 'object' && value !== null ? (value as JsonSchema) : {};

/** The object schema a value is documented with (the object branch of a union), if any. */
function objectSchema(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type === 'object') return schema;
  const branches = Array.isArray(schema.anyOf) ? schema.anyOf.map(asSchema) : [];
  return branches.find((branch) => branch.type === 'object');
}

/** The value of a JSON literal node (acorn reads JSON as a JavaScript expression). */
function valueOf(text: string, node: Expression): unknown {
  return JSON.parse(text.slice(node.start, node.end)) as unknown;
}

function check(
  text: string,
  node: Expression,
  schema: JsonSchema,
  path: string,
  out: PayloadTypeWarning[],
): void {
  const shape = objectSchema(schema);
  if (!shape || node.type !== 'ObjectExpression') return;
  const properties = asSchema(shape.properties);
  for (const property of node.properties) {
    if (property.type !== 'Property' || property.key.type !== 'Literal') continue;
    const name = String(property.key.value);
    const field = asSchema(properties[name]);
    const value = property.value as Expression;
    const kind = field.type === undefined && !field.anyOf && documentedType(field.description);
    const expected = kind ? KINDS[kind] : undefined;
    if (expected && !expected.accepts(valueOf(text, value))) {
      out.push({
        start: value.start,
        end: value.end,
        message: `${path}${name} should be ${expected.article}: the platform runs the hook with this value, but the hook expects ${expected.article} (${String(field.description)}).`,
      });
    }
    check(text, value, field, `${path}${name}.`, out);
  }
}

/** Warnings for the values of documented but unchecked fields that have another type. */
export function payloadTypeWarnings(pointId: PointId, text: string): PayloadTypeWarning[] {
  let root: Expression;
  try {
    JSON.parse(text);
    root = parseExpressionAt(text, 0, { ecmaVersion: 2022 });
  } catch {
    // Not JSON: the JSON service reports that.
    return [];
  }
  const out: PayloadTypeWarning[] = [];
  check(text, root, payloadJsonSchema(pointId), '', out);
  return out;
}
