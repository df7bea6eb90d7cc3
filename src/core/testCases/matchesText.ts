import type { TextMatch } from './expectationSchema';

/**
 * Whether text equals a string, contains a fragment or matches a pattern. The schema has
 * checked that patterns compile; one that does not (data that skipped the schema) matches nothing.
 */
export function matchesText(match: TextMatch, text: string | undefined): boolean {
  if (text === undefined) return false;
  if (typeof match === 'string') return text === match;
  if ('contains' in match) return text.includes(match.contains);
  try {
    return new RegExp(match.matches, match.flags).test(text);
  } catch {
    return false;
  }
}
