// Texts of runtime log entries that the host also recognises. In a file of their own so
// the host (src/sandbox/createRunner.ts) can import them without the engine.

/**
 * The runtime warning (and the host's timed-out hint) when an async export resolved but
 * never called cb: the platform ignored the promise and waited for cb until its time limit.
 */
export const PROMISE_SETTLED_WITHOUT_CB = 'the returned promise settled but cb was never called';

/** The host's timed-out hint for an Action (docs/runtime-semantics.md §18.5): it has no cb. */
export const ACTION_TIMEOUT_HINT = "the Action's handler never completed";

/**
 * Said when the platform's own body handling crashed on the payload (a `null` it let
 * through), so the failure is not the hook's (docs/runtime-semantics.md §2).
 */
export function bodyCrashNote(error: { name: string; message: string }, answered: boolean): string {
  const then = answered
    ? 'the webtask runtime answered 500'
    : 'the exception escaped, so the request got no answer';
  return `The platform crashed on this payload before calling the hook (${error.name}: ${error.message}); ${then}`;
}

/** Said when cb(err) was given an error JSON cannot hold (docs/runtime-semantics.md §9). */
export function unserializableErrorNote(error: { name: string; message: string }): string {
  return `The error passed to cb (${error.name}: ${error.message}) cannot be serialised to JSON, so the platform answered with the error "Error serializing error" instead`;
}

/** Said when the platform's own Authorization check refused the request (§3, §9). */
export const UNAUTHORIZED_NOTE =
  'The platform refused the request before the body check: the secret auth0-extension-secret is set, and the request’s Authorization header was not "Bearer <that secret>" (HTTP drops whitespace around a header value, so a secret that ends in whitespace never matches)';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the end of a run cut (docs/runtime-semantics.md §7): e.g. "1 pending request and 2
 * timers were still running 1000 ms after the answer was sent; …". Undefined when nothing was.
 */
export function pendingWorkNote(
  pending: { requests: number; timers: number },
  graceMs: number,
): string | undefined {
  const parts: string[] = [];
  if (pending.requests > 0)
    parts.push(count(pending.requests, 'pending request', 'pending requests'));
  if (pending.timers > 0) parts.push(count(pending.timers, 'timer', 'timers'));
  if (parts.length === 0) return undefined;
  const one = pending.requests + pending.timers === 1;
  const when = graceMs > 0 ? `${graceMs} ms after the answer was sent` : 'when the answer was sent';
  const them = one ? 'it' : 'them';
  return `${parts.join(' and ')} ${one ? 'was' : 'were'} still running ${when}; Hookpad stopped ${them} there, the platform’s process would have kept running ${them}`;
}

/** The text the platform's second cb threw with (checked with the oracle). */
export const HEADERS_SENT_MESSAGE = 'Cannot write headers after they are sent to the client';

/** A repeated cb call (docs/runtime-semantics.md §5); `first` = the one the platform crashed at. */
export function secondCbText(calls: number, first: boolean): string {
  const text = `cb was called again (call #${calls}) — ignored; the platform would have crashed the request`;
  return first
    ? `${text} here: the call threw "${HEADERS_SENT_MESSAGE}", so nothing after it ran there`
    : text;
}

/** Said once, before the first output the hook produced after its second cb (§5). */
export function workAfterSecondCbText(line: number | undefined): string {
  const where = line === undefined ? '' : ` (line ${line})`;
  return `This ran after the second cb${where}: on the platform that call had crashed the request, so it would not have run`;
}

/** Appended to an exception that escaped after the run settled (§5). */
export const LATE_ESCAPE_NOTE = '— ignored; the platform would have crashed the request';
