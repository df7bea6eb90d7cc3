import type { JsonValue } from '../schemas';
import type { OutboundEntry } from '../networkSchemas';
import type { RequestExpectation } from './expectationSchema';
import { isJsonSubset } from './jsonMatch';
import { matchesText } from './matchesText';

/** An HTTP request of the run as a request expectation would describe it. */
export interface RequestSummary {
  method: string;
  url: string;
  /** The body, parsed when it is JSON; absent when the request had none. */
  body?: JsonValue;
}

function parsedBody(text: string | undefined): JsonValue | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** The run's HTTP requests in order; auto-mocked SDK calls have no method or URL to match. */
export function requestSummary(entries: readonly OutboundEntry[]): RequestSummary[] {
  return entries
    .filter((entry) => entry.kind === 'http')
    .map((entry) => {
      const body = parsedBody(entry.requestBody);
      return {
        method: entry.method ?? '',
        url: entry.url ?? '',
        ...(body === undefined ? {} : { body }),
      };
    });
}

export function matchesRequest(expected: RequestExpectation, actual: RequestSummary): boolean {
  if (expected.method.toUpperCase() !== actual.method.toUpperCase()) return false;
  if (!matchesText(expected.url, actual.url)) return false;
  return expected.body === undefined || isJsonSubset(expected.body, actual.body);
}

/**
 * Whether the expected requests appear among the run's HTTP requests in the order listed,
 * other requests allowed before, between and after them (an ordered subsequence). Each
 * expected request takes the first matching request after the previous one's; taking the
 * earliest never loses a match a later choice would have found.
 */
export function matchesRequests(
  expected: readonly RequestExpectation[],
  entries: readonly OutboundEntry[],
): boolean {
  const actual = requestSummary(entries);
  let next = 0;
  for (const request of expected) {
    while (next < actual.length && !matchesRequest(request, actual[next]!)) next += 1;
    if (next === actual.length) return false;
    next += 1;
  }
  return true;
}
