import type { JsonValue, PointId, RunOutcome, SerializedError } from './schemas';

// The HTTP answer the platform itself produced for a run (docs/runtime-semantics.md §9): the
// envelope auth0-ext-compilers wrote (always HTTP 200), the webtask runtime's 500 for a
// synchronous throw, or no answer at all. Every row is checked against the platform oracle
// (docs/runtime-semantics.md, introduction) in platformEnvelope.*.test.ts.

export type Envelope = { status: number; body: JsonValue } | { status: null; note: string };

export const COMPILE_MESSAGE = 'Unable to compile the extensibility code as javascript';
export const SYNC_EXCEPTION_MESSAGE = 'Script generated an unhandled synchronous exception.';
export const NO_ANSWER_NOTE =
  'No answer: the exception escaped and crashed the request on the platform.';
export const TIMEOUT_NOTE =
  'No answer in time: the platform ended the request after 20 s ("Request to Webtask exceeded allowed execution time").';
export const CANCELLED_NOTE = 'No answer: the run was cancelled in Hookpad.';
export const CRASHED_NOTE = 'No answer: the sandbox crashed, so Hookpad cannot tell.';

type JsonObject = { [key: string]: JsonValue };

/** The frames of a stack (its header replaced), or none. */
function stackWithHeader(header: string, stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').filter((line) => /^\s+at |@\S*:\d+:\d+$/.test(line));
  return [header, ...frames].join('\n');
}

/** Error.prototype.toString, as the runtime used for `details`. */
function errorString(error: SerializedError): string {
  if (!error.name) return error.message;
  if (!error.message) return error.name;
  return `${error.name}: ${error.message}`;
}

/**
 * `data` of the error envelope: every own property of the Error, in order — for a plain
 * Error that is stack and message (name lives on the prototype), for the
 * ExtensibilityUserError classes also name (and friendlyMessage).
 */
function errorData(error: SerializedError, message = error.message): JsonObject {
  const keys = error.ownKeys ?? ['stack', 'message'];
  const data: JsonObject = {};
  // V8 makes `stack` an own property first; another engine may not, the platform's did.
  if (!keys.includes('stack')) data.stack = stackWithHeader(errorString(error), error.stack);
  for (const key of keys) {
    if (key === 'stack') data.stack = stackWithHeader(`${error.name}: ${message}`, error.stack);
    else if (key === 'message') data.message = message;
    else if (key === 'name') data.name = error.name;
    else if (key === 'friendlyMessage' && error.friendlyMessage !== undefined) {
      data.friendlyMessage = error.friendlyMessage;
    } else if (error.props && key in error.props) data[key] = error.props[key] as JsonValue;
  }
  return data;
}

function errorEnvelope(data: JsonObject): Envelope {
  return { status: 200, body: { status: 'error', data } };
}

/** The runtime's answer to a throw while the hook was being called (webtask-runtime errors.js). */
function syncException(error: SerializedError): Envelope {
  const body: JsonObject = { code: 500, error: SYNC_EXCEPTION_MESSAGE };
  if (error.wrapped) {
    // A thrown non-Error is passed through as `details`, with no name or message.
    body.details = error.message;
  } else {
    body.details = errorString(error);
    body.name = error.name;
    body.message = error.message;
  }
  return { status: 500, body };
}

export function platformEnvelope(_pointId: PointId, outcome: RunOutcome): Envelope {
  switch (outcome.status) {
    case 'succeeded':
      // JSON drops `data` when cb() passed nothing (credentials-exchange, send-phone-message).
      return {
        status: 200,
        body: {
          statusCode: 200,
          headers: {},
          status: 'success',
          ...(outcome.response === undefined ? {} : { data: outcome.response }),
        },
      };
    case 'timed-out':
      return { status: null, note: TIMEOUT_NOTE };
    case 'cancelled':
      return { status: null, note: CANCELLED_NOTE };
    case 'crashed':
      return { status: null, note: CRASHED_NOTE };
    case 'failed':
      break;
  }
  const { error } = outcome;
  switch (outcome.kind) {
    case 'invalid-body':
    case 'callback-error':
    case 'unserializable':
      return errorEnvelope(errorData(error));
    case 'compile':
      // The compiler rewrote the error: its message moved to error_description. A thrown
      // primitive could not take the new properties and was wrapped as it was.
      if (error.wrapped) return errorEnvelope(errorData(error));
      return errorEnvelope({
        ...errorData(error, COMPILE_MESSAGE),
        error_description: error.message,
      });
    case 'not-a-function':
      // The compiler called `func(...)` on whatever module.exports was.
      return syncException({ name: 'TypeError', message: 'func is not a function' });
    case 'thrown':
      return syncException(error);
    case 'async-throw':
    case 'rejected':
      return { status: null, note: NO_ANSWER_NOTE };
  }
}
