/**
 * Where a share link carries its work: the address's fragment, `#share=<token>`. Kept apart
 * from the links' code (shareLink.ts, loaded after start-up) so that recognising a link needs
 * none of it.
 */
export const SHARE_FRAGMENT_PREFIX = '#share=';

/** The share token in a location hash such as "#share=…", or null when there is none. */
export function readShareFragment(hash: string): string | null {
  return hash.startsWith(SHARE_FRAGMENT_PREFIX) ? hash.slice(SHARE_FRAGMENT_PREFIX.length) : null;
}
