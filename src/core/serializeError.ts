import type { CodeLocation, JsonValue, SerializedError } from './schemas';
import { serialize, truncateString } from './serialize';
import { locateInStack, rewriteStack } from './hookLocator';

const NAMED_FIELDS = new Set(['name', 'message', 'stack', 'friendlyMessage']);

/**
 * What the platform did with a non-Error passed to cb or thrown:
 * `new Error(err.message || String(err) || 'Unknown error')`.
 */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  let message: string;
  try {
    const own = (value as { message?: unknown } | null | undefined)?.message;
    message = (own ? String(own) : '') || String(value) || 'Unknown error';
  } catch {
    message = 'Unknown error';
  }
  return new Error(message);
}

function safeString(read: () => unknown): string | undefined {
  try {
    const value = read();
    return value === undefined ? undefined : String(value);
  } catch {
    return undefined;
  }
}

/**
 * An error as it crosses the sandbox boundary: location mapped into the user's code, stack
 * reduced to the user's frames, `friendlyMessage` for the ExtensibilityUserError classes
 * that have one, and every other own enumerable property (e.g. `code`) under `props`.
 * `fallbackLocation` is used when the error's stack has no frame in the user's code.
 */
export function serializeError(value: unknown, fallbackLocation?: CodeLocation): SerializedError {
  const error = toError(value);
  const stackText = safeString(() => error.stack);
  const result: SerializedError = {
    name: safeString(() => error.name) ?? 'Error',
    message: truncateString(safeString(() => error.message) ?? ''),
  };
  const stack = rewriteStack(stackText);
  if (stack) result.stack = truncateString(stack);
  const location = locateInStack(stackText) ?? fallbackLocation;
  if (location) result.location = location;
  const friendly = safeString(() => (error as { friendlyMessage?: unknown }).friendlyMessage);
  if (friendly !== undefined) result.friendlyMessage = truncateString(friendly);
  if (!(value instanceof Error)) result.wrapped = true;
  try {
    result.ownKeys = Object.getOwnPropertyNames(error);
  } catch {
    // A hostile proxy: the envelope falls back to stack and message.
  }
  const props: Record<string, JsonValue> = {};
  let keys: string[] = [];
  try {
    keys = Object.keys(error);
  } catch {
    // A hostile proxy: the named fields above are all we can report.
  }
  for (const key of keys) {
    if (NAMED_FIELDS.has(key)) continue;
    let item: unknown;
    try {
      item = (error as unknown as Record<string, unknown>)[key];
    } catch (thrown) {
      item = `[Thrown while reading: ${safeString(() => (thrown as Error).message) ?? ''}]`;
    }
    props[key] = serialize(item);
  }
  if (Object.keys(props).length > 0) result.props = props;
  return result;
}

/**
 * The platform's error answer JSON-serialised every own property of the error; when that
 * threw (a reference cycle, a BigInt) it answered `new Error("Error serializing error: " +
 * <the JSON error's message>)` instead (docs/runtime-semantics.md §9). Hookpad builds the same
 * object in the same engine family (V8), so the message, cycle path included, is the same.
 * Returns that message, or undefined when the error serialises.
 */
export function errorSerializingError(value: unknown): string | undefined {
  try {
    const error = toError(value) as unknown as Record<string, unknown>;
    const data: Record<string, unknown> = {};
    for (const key of Object.getOwnPropertyNames(error)) data[key] = error[key];
    JSON.stringify({ status: 'error', data });
    return undefined;
  } catch (thrown) {
    return `Error serializing error: ${safeString(() => (thrown as Error).message) ?? ''}`;
  }
}

/**
 * The error `cb(err)` answers with: the error itself, or — when the platform could not
 * serialise it — the plain Error it answered instead, keeping the hook's location.
 */
export function serializeCallbackError(value: unknown): {
  error: SerializedError;
  /** The hook's own error, when it was replaced. */
  replaced?: SerializedError;
} {
  const error = serializeError(value);
  const message = errorSerializingError(value);
  if (message === undefined) return { error };
  const answered: SerializedError = { name: 'Error', message, ownKeys: ['stack', 'message'] };
  if (error.location) answered.location = error.location;
  return { error: answered, replaced: error };
}
