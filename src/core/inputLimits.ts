// How much a hook, a link or an import may carry (docs/runtime-semantics.md §16.1 and the
// README's "Limits"). Each is either a limit the platform itself had or far beyond any real
// use; past it, the input is refused with a message naming the limit and nothing changes.
// The page trusts no size it is given: every list the user can be handed is bounded here.

import { formatCount } from './formatCount';

/** HTTP mocks of one hook. */
export const MAX_HTTP_MOCKS = 200;
/** 'data' chunks an HTTP mock may ask for (a stress test, not a transfer). */
export const MAX_MOCK_CHUNKS = 64;
/** Secrets of one hook (the platform's hooks had a few dozen at most). */
export const MAX_SECRETS = 200;
/** Hand-written module mocks of one hook. */
export const MAX_MODULE_MOCKS = 100;
/** Auto-mocked module names of one hook. */
export const MAX_AUTO_MOCKS = 100;
/** Auto-mock results (call path → JSON) of one hook. */
export const MAX_AUTO_MOCK_RESULTS = 200;
/** Characters of one secret value, one mock body or one module mock's code. */
export const MAX_FIELD_CHARS = 1_000_000;
/** Entries of one imported zip (a workspace has hooks × a few files each). */
export const MAX_ZIP_ENTRIES = 2_000;
/** The platform's webtask storage limit: a `storage.set` of more is refused (bytes of JSON). */
export const MAX_STORAGE_BYTES = 500 * 1024;
/** A share link's fragment, in characters (links are pasted into chats and tickets). */
export const MAX_SHARE_LINK_CHARS = 2_000_000;

/** The message every refusal uses, so users meet one wording. */
export function overLimitText(what: string, limit: number): string {
  return `${what}: at most ${formatCount(limit)} (Hookpad's limit).`;
}
