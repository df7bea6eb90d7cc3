import type { JsonValue } from '../schemas';
import type { JsonMatch } from './expectationSchema';

type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep equality of JSON values: objects by their set of keys (order does not matter), arrays
 * element by element with the same length. A missing key is not a key holding null.
 */
export function isJsonEqual(expected: JsonValue, actual: JsonValue | undefined): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => isJsonEqual(item, actual[index]))
    );
  }
  if (isJsonObject(expected)) {
    if (!isJsonObject(actual)) return false;
    const keys = Object.keys(expected);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((key) => Object.hasOwn(actual, key) && isJsonEqual(expected[key]!, actual[key]))
    );
  }
  return expected === actual;
}

/**
 * Whether `actual` contains `expected`: every key of an expected object is present in the
 * actual object with a value that contains the expected one (other keys are allowed); each
 * element of an expected array is contained in the actual element at the same index (the actual
 * array may be longer); anything else is equal. A missing key is not a key holding null.
 */
export function isJsonSubset(expected: JsonValue, actual: JsonValue | undefined): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length >= expected.length &&
      expected.every((item, index) => isJsonSubset(item, actual[index]))
    );
  }
  if (isJsonObject(expected)) {
    return (
      isJsonObject(actual) &&
      Object.entries(expected).every(
        ([key, value]) => Object.hasOwn(actual, key) && isJsonSubset(value, actual[key]),
      )
    );
  }
  return expected === actual;
}

/** The expected JSON value of a match, and whether it is compared as a subset. */
export function jsonMatchParts(match: JsonMatch): { expected: JsonValue; subset: boolean } {
  return 'equals' in match
    ? { expected: match.equals, subset: false }
    : { expected: match.contains, subset: true };
}

export function matchesJson(match: JsonMatch, actual: JsonValue | undefined): boolean {
  const { expected, subset } = jsonMatchParts(match);
  return subset ? isJsonSubset(expected, actual) : isJsonEqual(expected, actual);
}
