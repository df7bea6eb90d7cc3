import { loadShareLinks } from '../share/loadShareLinks';

/**
 * The `#share=…` fragment of a pasted Hookpad link (a whole address or the fragment alone),
 * or null when the text holds none. Any Hookpad's link opens here: only the fragment counts.
 * Asynchronous: the share links' code loads after start-up (or here, on first use).
 */
export async function shareFragmentOf(text: string): Promise<string | null> {
  const trimmed = text.trim();
  const at = trimmed.indexOf('#');
  if (at < 0) return null;
  const hash = trimmed.slice(at);
  const { readShareFragment } = await loadShareLinks();
  const token = readShareFragment(hash);
  return token ? hash : null;
}
