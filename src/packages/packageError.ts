/**
 * A refusal Hookpad explains to the user (bad input, an unusable package, a registry that
 * failed), as opposed to a bug. Its message is a complete sentence naming what failed.
 */
export class PackageError extends Error {
  override name = 'PackageError';
}

/** A caught error's message, without a trailing period, to embed in a sentence of our own. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[.\s]+$/, '');
}
