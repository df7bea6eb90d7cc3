import type { JsonValue } from '../schemas';

// How the "Hook vs Action" report writes values: strings in single quotes as a reader types
// them, everything else as JSON, long values cut so each difference stays one line.

const MAX_CHARS = 80;

function cut(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

/** 'gold', 7, true, {"a":1}; undefined (nothing there) is "— not set". */
export function showValue(value: JsonValue | undefined, absent = '— not set'): string {
  if (value === undefined) return absent;
  return typeof value === 'string' ? `'${cut(value)}'` : cut(JSON.stringify(value));
}

/** "hook 'gold', action — not set": the two sides of one difference. */
export function bothSides(
  hook: JsonValue | undefined,
  action: JsonValue | undefined,
  absent?: string,
): string {
  return `hook ${showValue(hook, absent)}, action ${showValue(action, absent)}`;
}
