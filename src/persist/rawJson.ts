/**
 * JSON text of anything IndexedDB can hold (it stores more than JSON): maps and sets become
 * objects and arrays, bigints and other non-JSON values become text, cycles are marked.
 * A damaged record is exported whole, whatever it contains.
 */
export function rawJson(value: unknown): string {
  return JSON.stringify(toPlain(value, []), null, 2) ?? 'null';
}

function toPlain(value: unknown, ancestors: object[]): unknown {
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
    return String(value);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.includes(value)) return '[Circular]';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value;
  const inner = [...ancestors, value];
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([key, item]) => [String(key), toPlain(item, inner)]));
  }
  if (value instanceof Set || Array.isArray(value)) {
    return [...value].map((item: unknown) => toPlain(item, inner));
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `[binary data, ${value.byteLength} bytes]`;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, toPlain(item, inner)]),
  );
}
