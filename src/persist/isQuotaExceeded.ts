/** Chrome and Safari say QuotaExceededError; older Firefox said NS_ERROR_DOM_QUOTA_REACHED. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** The legacy DOMException codes of the same failure. */
const QUOTA_CODES = new Set([22, 1014]);

/**
 * Whether a storage failure means the browser's storage is full. Browsers report it as the
 * error itself, or as an aborted transaction, failed request or event that carries it.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  if (typeof code === 'number' && QUOTA_CODES.has(code) && error instanceof DOMException) {
    return true;
  }
  const carrier = error as { error?: unknown; target?: unknown; cause?: unknown };
  return (
    isQuotaExceeded(carrier.error, depth + 1) ||
    isQuotaExceeded(carrier.target, depth + 1) ||
    isQuotaExceeded(carrier.cause, depth + 1)
  );
}
