import type { JsonValue } from '../schemas';
import { isJsonObject } from './jsonMatch';

/**
 * One difference between an expected and an actual JSON value, at a path such as
 * `user.app_metadata.plan`, `items[2]` or `claims["https://example.com/role"]` ('' = the whole
 * value). missing = expected but absent; unexpected = present but not expected (only when
 * comparing exactly); changed = present in both with other values.
 */
export type JsonDifference =
  | { path: string; kind: 'missing'; expected: JsonValue }
  | { path: string; kind: 'unexpected'; actual: JsonValue }
  | { path: string; kind: 'changed'; expected: JsonValue; actual: JsonValue };

export interface JsonDiffOptions {
  /** Compare as a subset ("contains"): keys and trailing elements only in actual are fine. */
  subset?: boolean;
}

function keyPath(parent: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

function diffInto(
  expected: JsonValue,
  actual: JsonValue,
  path: string,
  subset: boolean,
  out: JsonDifference[],
): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    expected.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      const other = actual[index];
      if (other === undefined) out.push({ path: itemPath, kind: 'missing', expected: item });
      else diffInto(item, other, itemPath, subset, out);
    });
    if (!subset) {
      actual.slice(expected.length).forEach((item, offset) => {
        out.push({
          path: `${path}[${expected.length + offset}]`,
          kind: 'unexpected',
          actual: item,
        });
      });
    }
    return;
  }
  if (isJsonObject(expected) && isJsonObject(actual)) {
    for (const [key, value] of Object.entries(expected)) {
      const keyAt = keyPath(path, key);
      if (!Object.hasOwn(actual, key)) out.push({ path: keyAt, kind: 'missing', expected: value });
      else diffInto(value, actual[key]!, keyAt, subset, out);
    }
    if (!subset) {
      for (const [key, value] of Object.entries(actual)) {
        if (!Object.hasOwn(expected, key)) {
          out.push({ path: keyPath(path, key), kind: 'unexpected', actual: value });
        }
      }
    }
    return;
  }
  // Different kinds of value (object, array, scalar) or two scalars: compared as a whole.
  if (expected !== actual) out.push({ path, kind: 'changed', expected, actual });
}

/**
 * The differences between expected and actual, in the expected value's order, then the
 * unexpected ones. Empty exactly when the values match (equal, or a subset with `subset`).
 */
export function jsonDiff(
  expected: JsonValue,
  actual: JsonValue | undefined,
  options: JsonDiffOptions = {},
): JsonDifference[] {
  if (actual === undefined) return [{ path: '', kind: 'missing', expected }];
  const out: JsonDifference[] = [];
  diffInto(expected, actual, '', options.subset ?? false, out);
  return out;
}

const show = (value: JsonValue): string => JSON.stringify(value);

/**
 * The differences as lines for a reader, e.g.
 * `user.plan: expected "pro", got "free"`, `user.email: missing (expected "a@b.c")`,
 * `user.extra: unexpected 1`.
 */
export function formatJsonDiff(differences: readonly JsonDifference[]): string {
  return differences
    .map((difference) => {
      const at = difference.path === '' ? '(the whole value)' : difference.path;
      switch (difference.kind) {
        case 'missing':
          return `${at}: missing (expected ${show(difference.expected)})`;
        case 'unexpected':
          return `${at}: unexpected ${show(difference.actual)}`;
        case 'changed':
          return `${at}: expected ${show(difference.expected)}, got ${show(difference.actual)}`;
      }
    })
    .join('\n');
}
