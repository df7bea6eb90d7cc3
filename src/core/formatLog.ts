import inspect from 'object-inspect';
import { truncateString } from './serialize';

// Console text the way Node prints it (util.format): printf-style directives in a leading
// string, then every remaining argument, strings raw and everything else inspected.

/** Node inspects nested values two levels deep; object-inspect counts one level more. */
const INSPECT_DEPTH = 3;

/** Longest text one console entry keeps. */
export const MAX_ENTRY_TEXT = 10_000;

export function inspectValue(value: unknown, depth: number = INSPECT_DEPTH): string {
  try {
    return inspect(value, { depth, quoteStyle: 'single', maxStringLength: MAX_ENTRY_TEXT });
  } catch (error) {
    return `[Uninspectable: ${error instanceof Error ? error.message : String(error)}]`;
  }
}

function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (Object.is(value, -0)) return '-0';
  if (typeof value === 'object' && value !== null && !hasOwnToString(value)) {
    return inspectValue(value, 1);
  }
  try {
    return String(value);
  } catch {
    return inspectValue(value, 1);
  }
}

function hasOwnToString(value: object): boolean {
  // Plain objects, arrays and errors use a built-in toString: Node inspects those instead.
  const proto = Object.getPrototypeOf(value) as object | null;
  if (value instanceof Error) return false;
  return (
    proto !== null &&
    proto !== Object.prototype &&
    proto !== Array.prototype &&
    typeof (value as { toString?: unknown }).toString === 'function' &&
    (value as { toString: unknown }).toString !== Object.prototype.toString
  );
}

function asNumber(value: unknown, parse: (text: string) => number): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return 'NaN';
  try {
    return String(parse === Number ? Number(value) : parse(String(value)));
  } catch {
    return 'NaN';
  }
}

function asJson(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch (error) {
    return error instanceof Error && /circular/i.test(error.message)
      ? '[Circular]'
      : `[${error instanceof Error ? error.message : 'Unserializable'}]`;
  }
}

function directive(letter: string, value: unknown): string {
  switch (letter) {
    case 's':
      return asString(value);
    case 'd':
      return asNumber(value, Number);
    case 'i':
      return asNumber(value, (text) => parseInt(text, 10));
    case 'f':
      return asNumber(value, parseFloat);
    case 'j':
      return asJson(value);
    case 'o':
      return inspectValue(value, 4);
    case 'O':
      return inspectValue(value);
    default:
      return '';
  }
}

/** util.format semantics: %s %d %i %f %j %o %O %c, %% for a literal percent sign. */
export function formatLogArgs(args: readonly unknown[]): string {
  let rest = args;
  let text = '';
  const first = args[0];
  // Like Node, a lone string is printed as is: '100%%' stays '100%%'.
  if (typeof first === 'string' && args.length === 1) return first;
  if (typeof first === 'string') {
    let next = 1;
    text = first.replace(/%([sdifjoOc%])/g, (all, letter: string) => {
      if (letter === '%') return '%';
      if (next >= args.length) return all;
      const value = args[next++];
      return letter === 'c' ? '' : directive(letter, value);
    });
    rest = args.slice(next);
  } else if (args.length > 0) {
    text = inspectValue(first);
    rest = args.slice(1);
  }
  for (const value of rest) {
    text += ' ' + (typeof value === 'string' ? value : inspectValue(value));
  }
  return text;
}

/** The text of one console entry, capped so megabytes of output cannot flood the host. */
export function formatLogText(args: readonly unknown[]): string {
  return truncateString(formatLogArgs(args), MAX_ENTRY_TEXT);
}
