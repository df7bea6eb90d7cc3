import type { JsonValue } from './schemas';

// Turns any value a hook produced into plain JSON that can cross postMessage and be shown,
// without ever throwing: cycles, getters that throw, proxies, BigInt, huge structures.

export const SERIALIZE_LIMITS = {
  depth: 8,
  stringLength: 10_000,
  keys: 200,
  items: 200,
} as const;

/** Cuts a long string, saying how much was cut. */
export function truncateString(text: string, max: number = SERIALIZE_LIMITS.stringLength): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** "[Function: name]" / "[Function (anonymous)]" / "[class Name]", like Node prints them. */
export function describeFunction(fn: (...args: never[]) => unknown): string {
  let source = '';
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    // Some host functions refuse toString; the name is enough.
  }
  const name = typeof fn.name === 'string' && fn.name !== '' ? fn.name : '';
  if (source.startsWith('class')) return name ? `[class ${name}]` : '[class (anonymous)]';
  return name ? `[Function: ${name}]` : '[Function (anonymous)]';
}

function primitive(value: unknown): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
      return truncateString(value);
    case 'number':
      // JSON has no NaN/Infinity; -0 prints as 0 in JSON anyway.
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return describeFunction(value as (...args: never[]) => unknown);
    default:
      return value === null ? null : undefined;
  }
}

function read(target: object, key: PropertyKey): unknown {
  try {
    return (target as Record<PropertyKey, unknown>)[key];
  } catch (error) {
    return `[Thrown while reading: ${error instanceof Error ? error.message : String(error)}]`;
  }
}

function walk(value: unknown, depth: number, ancestors: object[]): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return primitive(value);
  }
  if (typeof value === 'function') return primitive(value);
  const object = value as object;
  if (ancestors.includes(object)) return '[Circular]';
  if (object instanceof Error) return errorObject(object, depth, ancestors);
  if (object instanceof Date) {
    return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  }
  if (object instanceof RegExp) return String(object);
  if (object instanceof Promise) return '[Promise]';
  if (object instanceof WeakMap || object instanceof WeakSet) return `[${object.constructor.name}]`;
  if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
    const typed = object as unknown as ArrayLike<number | bigint>;
    return walk(Array.from(typed), depth, ancestors);
  }
  if (depth >= SERIALIZE_LIMITS.depth) return Array.isArray(object) ? '[Array]' : '[Object]';
  const inner = [...ancestors, object];
  if (object instanceof Map) {
    const entries = [...object.entries()].map(([k, v]) => [
      walk(k, depth + 2, inner) ?? null,
      walk(v, depth + 2, inner) ?? null,
    ]);
    return { '[Map]': capItems(entries) };
  }
  if (object instanceof Set) {
    return { '[Set]': capItems([...object].map((item) => walk(item, depth + 1, inner) ?? null)) };
  }
  if (Array.isArray(object)) {
    const items: JsonValue[] = [];
    const length = Math.min(object.length, SERIALIZE_LIMITS.items);
    for (let i = 0; i < length; i++) items.push(walk(read(object, i), depth + 1, inner) ?? null);
    if (object.length > length) items.push(`… ${object.length - length} more items`);
    return items;
  }
  return plainObject(object, depth, inner);
}

function capItems(items: JsonValue[]): JsonValue[] {
  if (items.length <= SERIALIZE_LIMITS.items) return items;
  const extra = items.length - SERIALIZE_LIMITS.items;
  return [...items.slice(0, SERIALIZE_LIMITS.items), `… ${extra} more items`];
}

function plainObject(object: object, depth: number, inner: object[]): JsonValue {
  let keys: string[];
  try {
    keys = Object.keys(object);
  } catch {
    return '[Unserializable object]';
  }
  const result: { [key: string]: JsonValue } = {};
  for (const key of keys.slice(0, SERIALIZE_LIMITS.keys)) {
    const item = walk(read(object, key), depth + 1, inner);
    if (item !== undefined) result[key] = item;
  }
  if (keys.length > SERIALIZE_LIMITS.keys) {
    result['…'] = `${keys.length - SERIALIZE_LIMITS.keys} more keys`;
  }
  return result;
}

function errorObject(error: Error, depth: number, ancestors: object[]): JsonValue {
  const inner = [...ancestors, error];
  const result: { [key: string]: JsonValue } = {
    name: String(read(error, 'name')),
    message: String(read(error, 'message')),
  };
  const stack = read(error, 'stack');
  if (typeof stack === 'string') result.stack = truncateString(stack);
  const rest = plainObject(error, depth, inner);
  return typeof rest === 'object' && rest !== null && !Array.isArray(rest)
    ? { ...result, ...rest }
    : result;
}

/**
 * Any value → JSON. Objects lose `undefined` members, arrays turn them into null, and a
 * top-level undefined becomes the string "undefined" (so a logged `undefined` still shows).
 */
export function serialize(value: unknown): JsonValue {
  try {
    return walk(value, 0, []) ?? 'undefined';
  } catch {
    return '[Unserializable]';
  }
}
