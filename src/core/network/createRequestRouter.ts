import type { CodeLocation } from '../schemas';
import type { HttpMock, OutboundEntry } from '../networkSchemas';
import { locateInStack } from '../hookLocator';
import { compileUrlPattern, type CompiledPattern } from './matchUrlPattern';
import { looksLikeJson, toBytes, traceText } from './bytes';
import { statusText } from './statusCodes';
import type { Trace } from './createTrace';
import { host, type AbortSignalLike, type HostFetch } from './hostApis';
import { badRequest, malformedPathWarning, malformedTarget } from './malformedPath';
import {
  connectionRefused,
  connectionReset,
  fetchRefused,
  invalidUrl,
  unsupportedProtocol,
} from './nodeErrors';

// The single network boundary of a run. Every client (fetch, axios, request, http/https,
// got, slack-notify) ends here: the first matching mock answers, else the request is
// refused like a closed port, or — with the network allowed — sent with the host's fetch.
// Each request, answered or failed, becomes exactly one OutboundEntry in the trace.

export interface OutboundRequest {
  method: string;
  /** The URL as the client resolved it; mocks match it as written. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Which client made it (the trace's `client`). */
  client: string;
  /** The hook line that made it; taken from the current stack when absent. */
  location?: CodeLocation;
  /** Aborting rejects the request with the signal's reason. */
  signal?: AbortSignalLike;
  /**
   * A path without a leading '/', sent as is (http/https); `url` is then the origin followed
   * by it. See malformedPath.ts.
   */
  rawPath?: string;
}

export interface InboundResponse {
  status: number;
  statusText: string;
  /** Lower-case names, as Node's IncomingMessage has them. */
  headers: Record<string, string>;
  body: Uint8Array;
  url: string;
  /** The 'data' chunks an HTTP mock asks http/https to deliver the body in. */
  chunks?: number;
}

export interface NetworkTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface RequestRouterOptions {
  mocks: readonly HttpMock[];
  allowNetwork: boolean;
  /** The run's timers: the run's cleanup clears a pending mock delay. */
  timers: NetworkTimers;
  trace: Trace;
  now(): number;
  /** A runtime warning (an invalid mock pattern), given once per mock. */
  warn(text: string): void;
  /** The host's fetch; defaults to globalThis.fetch. */
  fetch?: HostFetch;
}

export interface RequestRouter {
  route(request: OutboundRequest): Promise<InboundResponse>;
}

/** Headers of a mocked answer: lower-case names, a JSON content type for JSON text. */
export function mockResponseHeaders(mock: HttpMock, bodyLength: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(mock.headers)) headers[name.toLowerCase()] = value;
  if (headers['content-type'] === undefined && looksLikeJson(mock.body)) {
    headers['content-type'] = 'application/json';
  }
  headers['content-length'] ??= String(bodyLength);
  return headers;
}

function isFetchTypeError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /failed to fetch|fetch failed|networkerror|load failed/i.test(error.message)
  );
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export function createRequestRouter(options: RequestRouterOptions): RequestRouter {
  const compiled = new Map<HttpMock, CompiledPattern>();
  const warned = new Set<string>();

  function matches(mock: HttpMock, method: string, url: string): boolean {
    const mockMethod = mock.method.toUpperCase();
    if (mockMethod !== 'ANY' && mockMethod !== method) return false;
    let pattern = compiled.get(mock);
    if (!pattern) {
      pattern = compileUrlPattern(mock.urlPattern);
      compiled.set(mock, pattern);
    }
    if (!pattern.ok) {
      if (!warned.has(mock.id)) {
        warned.add(mock.id);
        options.warn(
          `HTTP mock ${mock.urlPattern} has an invalid regular expression (${pattern.reason}); it matches nothing`,
        );
      }
      return false;
    }
    return pattern.test(url);
  }

  function route(request: OutboundRequest): Promise<InboundResponse> {
    const startedAt = options.now();
    const location = request.location ?? locateInStack(new Error().stack);
    const method = request.method.toUpperCase();
    const { url, signal } = request;
    const base: Omit<OutboundEntry, 'seq' | 'timeMs' | 'answeredBy'> = {
      kind: 'http',
      client: request.client,
      method,
      url,
      requestHeaders: { ...request.headers },
      ...(request.body !== undefined ? { requestBody: traceText(request.body) } : {}),
      ...(location ? { location } : {}),
    };
    let recorded = false;
    const record = (fields: Partial<OutboundEntry> & Pick<OutboundEntry, 'answeredBy'>) => {
      if (recorded) return;
      recorded = true;
      options.trace.record({
        ...base,
        ...fields,
        startedAt,
        durationMs: Math.max(0, options.now() - startedAt),
      });
    };
    const malformed =
      request.rawPath === undefined ? undefined : malformedTarget(url, request.rawPath);
    if (malformed) options.warn(malformedPathWarning(method, malformed));
    // A malformed path matches no mock as written; a mock for the URL it meant is its server.
    const target = malformed?.meant ?? url;
    const mock = options.mocks.find((candidate) => matches(candidate, method, target));

    return new Promise<InboundResponse>((resolve, reject) => {
      let onAbort: (() => void) | undefined;
      const fail = (error: unknown, fields: Pick<OutboundEntry, 'answeredBy' | 'mockId'>) => {
        if (onAbort) signal?.removeEventListener?.('abort', onAbort);
        record({ ...fields, error: messageOf(error) });
        reject(error);
      };
      const succeed = (
        response: InboundResponse,
        fields: Pick<OutboundEntry, 'answeredBy' | 'mockId'>,
      ) => {
        if (onAbort) signal?.removeEventListener?.('abort', onAbort);
        record({
          ...fields,
          status: response.status,
          responseHeaders: response.headers,
          responseBody: traceText(response.body),
        });
        resolve(response);
      };
      if (signal?.aborted) {
        return fail(signal.reason, { answeredBy: mock ? 'mock' : 'blocked' });
      }

      if (mock) {
        const answer = () => {
          if (mock.networkError)
            return fail(connectionReset(), { answeredBy: 'mock', mockId: mock.id });
          if (malformed) return succeed(badRequest(url), { answeredBy: 'mock', mockId: mock.id });
          const body = toBytes(mock.body);
          succeed(
            {
              status: mock.status,
              statusText: statusText(mock.status),
              headers: mockResponseHeaders(mock, body.byteLength),
              body,
              url,
              ...(mock.chunks !== undefined ? { chunks: mock.chunks } : {}),
            },
            { answeredBy: 'mock', mockId: mock.id },
          );
        };
        const timer = options.timers.setTimeout(answer, mock.delayMs);
        onAbort = () => {
          options.timers.clearTimeout(timer);
          fail(signal?.reason, { answeredBy: 'mock', mockId: mock.id });
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        return;
      }

      let parsed: URL;
      try {
        parsed = new URL(malformed?.meant ?? url);
      } catch {
        return fail(invalidUrl(url), { answeredBy: 'blocked' });
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return fail(unsupportedProtocol(parsed.protocol), { answeredBy: 'blocked' });
      }
      if (!options.allowNetwork) {
        const refused = connectionRefused(parsed.href);
        if (onAbort) signal?.removeEventListener?.('abort', onAbort);
        record({
          answeredBy: 'blocked',
          error: `no mock matched and the network is off: ${refused.message}`,
        });
        // Like a refused connection: asynchronously, never in the caller's own tick.
        options.timers.setTimeout(() => reject(refused), 0);
        return;
      }
      if (malformed) {
        // The browser's fetch cannot send a malformed request line: answer as the server would.
        const answer = badRequest(url);
        record({
          answeredBy: 'blocked',
          status: answer.status,
          responseHeaders: answer.headers,
          error: `not sent: the path does not start with '/'; a server answers 400 Bad Request`,
        });
        options.timers.setTimeout(() => resolve(answer), 0);
        return;
      }
      sendForReal();

      function sendForReal(): void {
        const fetch = options.fetch ?? host().fetch;
        const Controller = host().AbortController;
        if (!fetch) return fail(connectionRefused(url), { answeredBy: 'network' });
        const controller = Controller ? new Controller() : undefined;
        onAbort = () => controller?.abort(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
        const body = method === 'GET' || method === 'HEAD' ? undefined : request.body;
        fetch(url, {
          method,
          headers: request.headers,
          ...(body !== undefined ? { body: toBytes(body) } : {}),
          ...(controller ? { signal: controller.signal } : {}),
          redirect: 'follow',
        })
          .then(async (response) => {
            const headers: Record<string, string> = {};
            response.headers.forEach((value, name) => {
              headers[name.toLowerCase()] = value;
            });
            const bytes = new Uint8Array(await response.arrayBuffer());
            succeed(
              {
                status: response.status,
                statusText: response.statusText || statusText(response.status),
                headers,
                body: bytes,
                url,
              },
              { answeredBy: 'network' },
            );
          })
          .catch((error: unknown) => {
            if (signal?.aborted) return fail(signal.reason, { answeredBy: 'network' });
            if (isFetchTypeError(error)) {
              const message = error instanceof Error ? error.message : String(error);
              return fail(fetchRefused(url, message), { answeredBy: 'network' });
            }
            fail(error, { answeredBy: 'network' });
          });
      }
    });
  }

  return { route };
}
