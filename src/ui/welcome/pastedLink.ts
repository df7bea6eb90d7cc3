import { readShareFragment } from '../../share/shareFragment';

/**
 * The `#share=…` fragment of a pasted Hookpad link (a whole address or the fragment alone),
 * or null when the text holds none. Any Hookpad's link opens here: only the fragment counts.
 */
export function shareFragmentOf(text: string): string | null {
  const trimmed = text.trim();
  const at = trimmed.indexOf('#');
  if (at < 0) return null;
  const hash = trimmed.slice(at);
  return readShareFragment(hash) ? hash : null;
}
