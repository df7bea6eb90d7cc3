import { MAX_JSON_DEPTH, MAX_RESPONSE_CHARS } from './outputLimits';
import { jsonTextDepth } from './jsonTextDepth';
import { formatCount } from './formatCount';
import type { EngineOutcome, JsonValue, SerializedError } from './schemas';

type Succeeded = Extract<EngineOutcome, { status: 'succeeded' }>;

/** The failure of a response nested deeper than the app can receive. */
export const RESPONSE_TOO_DEEP_MESSAGE = `The hook's answer could not be sent to Hookpad: it is nested more than ${formatCount(MAX_JSON_DEPTH)} levels deep (the platform's JSON.stringify ran out of stack on such values too).`;

/** "Response is 20.9 MB of JSON; showing the first 1 MB." */
export function responseCapNote(chars: number): string {
  const size = (value: number) => `${Number((value / 1_000_000).toFixed(1))} MB`;
  return `Response is ${size(chars)} of JSON; showing the first ${size(MAX_RESPONSE_CHARS)}.`;
}

export type CappedResponse =
  | { ok: true; fields: Pick<Succeeded, 'response' | 'responseCap'> }
  | { ok: false; error: SerializedError };

/**
 * What of a successful response (its JSON text) is sent to the app (docs/runtime-semantics.md
 * §13): the value itself up to MAX_RESPONSE_CHARS; past it, the text's first characters as a
 * string and the platform's view of the real value (`viewOf`) when that view fits. A value
 * nested past MAX_JSON_DEPTH fails: no structured clone could carry it.
 */
export function capResponse(
  json: string | undefined,
  viewOf: (response: JsonValue) => unknown,
): CappedResponse {
  if (json === undefined) return { ok: true, fields: {} };
  if (jsonTextDepth(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, error: { name: 'Error', message: RESPONSE_TOO_DEEP_MESSAGE } };
  }
  if (json.length <= MAX_RESPONSE_CHARS) {
    return { ok: true, fields: { response: JSON.parse(json) as JsonValue } };
  }
  const viewJson = JSON.stringify(viewOf(JSON.parse(json) as JsonValue));
  const viewFits =
    viewJson !== undefined &&
    viewJson.length <= MAX_RESPONSE_CHARS &&
    jsonTextDepth(viewJson, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH;
  return {
    ok: true,
    fields: {
      response: json.slice(0, MAX_RESPONSE_CHARS),
      responseCap: {
        chars: json.length,
        ...(viewFits ? { view: JSON.parse(viewJson) as JsonValue } : {}),
      },
    },
  };
}
