import type { InboundResponse } from './createRequestRouter';

// A request path without a leading '/' (`path: 'verify?x=1'`): Node's http client sends it as
// is (`GET verify?x=1 HTTP/1.1`) and the server rejects the request line with 400 Bad Request
// and an empty body, closing the connection (docs/runtime-semantics.md §12).

/** Where such a request goes and what a mock is tried against. */
export interface MalformedTarget {
  rawPath: string;
  /** scheme://host[:port], the server the request reaches. */
  origin: string;
  /** The URL the hook most likely meant (the path with a '/' added): a mock for it is the server. */
  meant: string;
}

export function malformedTarget(url: string, rawPath: string): MalformedTarget {
  const origin = url.slice(0, url.length - rawPath.length);
  return { rawPath, origin, meant: `${origin}/${rawPath}` };
}

export function malformedPathWarning(method: string, { rawPath, origin }: MalformedTarget) {
  return `Request path '${rawPath}' does not start with '/': Node sends it as is (${method} ${rawPath} HTTP/1.1 to ${origin}) and the server answers 400 Bad Request`;
}

/** The answer of a server (Node's own, nginx…) to a request line it cannot parse. */
export function badRequest(url: string): InboundResponse {
  return {
    status: 400,
    statusText: 'Bad Request',
    headers: { connection: 'close' },
    body: new Uint8Array(0),
    url,
  };
}
