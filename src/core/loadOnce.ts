/**
 * A module (or anything) fetched on first use: every caller shares one request, and a failed
 * request is forgotten, so the next call asks again (a chunk that failed offline loads once
 * the network is back) instead of replaying the old failure.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** The reason a part could not be loaded, in a sentence's middle: "Failed to fetch …". */
export function loadErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().replace(/\.$/, '') || 'unknown error';
}
