import type { JsonSchema } from './jsonSchemas';

// TypeScript type text for the JSON Schemas of the points' bodies, for the code editor's
// declarations. The platform checks few fields, so most are `unchecked` and carry their
// documented type only as the first words of their description ("string — user id");
// that text is the one place a field's type is written, and it is read here.

const DOCUMENTED_TYPES: readonly [RegExp, string][] = [
  [/^array of strings\b/i, 'string[]'],
  [/^string\b/, 'string'],
  [/^boolean\b/, 'boolean'],
  [/^number\b/, 'number'],
  [/^object\b/, 'Record<string, any>'],
];

/** The type a field's description documents ("string — …"), or undefined if it names none. */
export function documentedType(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  return DOCUMENTED_TYPES.find(([pattern]) => pattern.test(description))?.[1];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A property name as declaration text: bare when it can be, quoted otherwise. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** A JSDoc comment of the text (or nothing), indented like the member it documents. */
export function jsDoc(text: unknown, indent: string): string {
  if (typeof text !== 'string' || text === '') return '';
  return `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n`;
}

const asSchema = (value: unknown): JsonSchema =>
  typeof value === 'object' && value !== null ? (value as JsonSchema) : {};

function objectType(schema: JsonSchema, indent: string): string {
  const properties = Object.entries(asSchema(schema.properties));
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const inner = `${indent}  `;
  const members = properties.map(([name, value]) => {
    const field = asSchema(value);
    const optional = required.has(name) ? '' : '?';
    return `${jsDoc(field.description, inner)}${inner}${propertyName(name)}${optional}: ${typeOfJsonSchema(field, inner)};\n`;
  });
  // Bodies are loose objects: any other key may be there too.
  return `{\n${members.join('')}${inner}[key: string]: any;\n${indent}}`;
}

/**
 * The TypeScript type of a JSON Schema. A union that stands for "the object, or what the
 * platform lets through instead" (an array, null, an empty value) is typed as the object
 * (else the array) alone: that is the documented shape a hook works with.
 */
export function typeOfJsonSchema(schema: JsonSchema, indent = ''): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const branches = Array.isArray(schema.anyOf) ? schema.anyOf.map(asSchema) : undefined;
  if (branches) {
    const documented = documentedType(schema.description);
    if (documented) return documented;
    const shaped =
      branches.find((b) => b.type === 'object') ?? branches.find((b) => b.type === 'array');
    if (shaped) return typeOfJsonSchema(shaped, indent);
    return branches.map((branch) => typeOfJsonSchema(branch, indent)).join(' | ');
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      const items = asSchema(schema.items);
      return Object.keys(items).length === 0
        ? 'any[]'
        : `Array<${typeOfJsonSchema(items, indent)}>`;
    }
    case 'object':
      return objectType(schema, indent);
    default:
      return documentedType(schema.description) ?? 'any';
  }
}
