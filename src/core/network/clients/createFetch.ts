import { bodyFrom, toBuffer } from '../bytes';
import { abortError, host, type AbortSignalLike } from '../hostApis';
import type { InboundResponse } from '../createRequestRouter';
import { hasHeader, headerRecord, hookLocation, type ClientContext } from './clientContext';

// The hook's `fetch` (Node 18's global) and `require('node-fetch')` (v2): the host's own
// Headers/Request/Response classes, with the request itself sent through the run's router.

type Flavour = 'fetch' | 'node-fetch';

interface HostRequestLike {
  url: string;
  method: string;
  headers: unknown;
  signal?: AbortSignalLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface FetchInit {
  method?: unknown;
  headers?: unknown;
  body?: unknown;
  signal?: AbortSignalLike | null;
  /** node-fetch v2: milliseconds until a FetchError 'request-timeout'. */
  timeout?: unknown;
}

type HostRequestCtor = new (
  url: string,
  init: { method: string; body: unknown; duplex?: string },
) => {
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
};

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function isHostRequest(input: unknown): input is HostRequestLike {
  const Request = (globalThis as { Request?: new (...args: never[]) => unknown }).Request;
  return Request !== undefined && input instanceof Request;
}

/** Bodies other than text and bytes (URLSearchParams, FormData, Blob…) as the host encodes them. */
export async function encodeBody(
  body: unknown,
): Promise<{ body?: string | Uint8Array; contentType?: string }> {
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return { body, contentType: 'text/plain;charset=UTF-8' };
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return { body: bodyFrom(body) };
  const Request = (globalThis as { Request?: HostRequestCtor }).Request;
  if (!Request) return { body: String(body) };
  const encoded = new Request('http://hookpad.invalid/', { method: 'POST', body, duplex: 'half' });
  const contentType = encoded.headers.get('content-type') ?? undefined;
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    ...(contentType ? { contentType } : {}),
  };
}

class FetchError extends Error {
  type: string;
  code?: string;
  errno?: string;
  constructor(message: string, type: string, systemError?: { code?: unknown }) {
    super(message);
    this.name = 'FetchError';
    this.type = type;
    if (systemError?.code !== undefined) {
      this.code = this.errno = String(systemError.code);
    }
  }
}

function toHostResponse(flavour: Flavour, response: InboundResponse): unknown {
  const Response = host().Response;
  if (!Response) throw new TypeError('fetch failed: this host has no Response class');
  if (response.status < 200) throw new TypeError(`fetch failed: status ${response.status}`);
  const result = new Response(NULL_BODY_STATUSES.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  }) as unknown as Record<string, unknown>;
  Object.defineProperty(result, 'url', { value: response.url, enumerable: true });
  Object.defineProperty(result, 'redirected', { value: false, enumerable: true });
  if (flavour === 'node-fetch') {
    const bytes = response.body;
    result.buffer = () => Promise.resolve(toBuffer(bytes));
    result.size = 0;
    result.timeout = 0;
  }
  return result;
}

export function createFetch(context: ClientContext, flavour: Flavour) {
  async function send(
    input: unknown,
    init: FetchInit,
    location: ReturnType<typeof hookLocation>,
  ): Promise<unknown> {
    let url: string;
    let method = 'GET';
    let headers: Record<string, string> = {};
    let body: string | Uint8Array | undefined;
    let signal: AbortSignalLike | undefined;
    if (isHostRequest(input)) {
      url = input.url;
      method = input.method;
      headers = headerRecord(input.headers);
      if (method !== 'GET' && method !== 'HEAD') {
        const bytes = new Uint8Array(await input.arrayBuffer());
        if (bytes.byteLength > 0) body = bytes;
      }
      signal = input.signal;
    } else {
      url = String(input);
    }
    if (init.method !== undefined) method = String(init.method).toUpperCase();
    if (init.headers !== undefined) headers = headerRecord(init.headers);
    if (init.body !== undefined && init.body !== null) {
      if (method === 'GET' || method === 'HEAD') {
        throw new TypeError('Request with GET/HEAD method cannot have body.');
      }
      const encoded = await encodeBody(init.body);
      body = encoded.body;
      if (encoded.contentType && !hasHeader(headers, 'content-type')) {
        headers['content-type'] = encoded.contentType;
      }
    }
    if (init.signal) signal = init.signal;
    const timeoutMs = flavour === 'node-fetch' ? Number(init.timeout) || 0 : 0;
    let timedOut = false;
    let timer: unknown;
    let timeoutSignal: AbortSignalLike | undefined;
    if (timeoutMs > 0) {
      const Controller = host().AbortController;
      const controller = Controller ? new Controller() : undefined;
      if (controller) {
        signal?.addEventListener('abort', () => controller.abort(signal?.reason), { once: true });
        timer = context.timers.setTimeout(() => {
          timedOut = true;
          controller.abort(abortError('timeout'));
        }, timeoutMs);
        timeoutSignal = controller.signal;
      }
    }
    try {
      const response = await context.router.route({
        client: flavour,
        method,
        url,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...((timeoutSignal ?? signal) ? { signal: timeoutSignal ?? signal } : {}),
        ...(location ? { location } : {}),
      });
      return toHostResponse(flavour, response);
    } catch (error) {
      throw translate(error, url, signal, timedOut);
    } finally {
      if (timer !== undefined) context.timers.clearTimeout(timer);
    }
  }

  function translate(
    error: unknown,
    url: string,
    signal: AbortSignalLike | undefined,
    timedOut: boolean,
  ): unknown {
    const code = (error as { code?: unknown } | null)?.code;
    if (flavour === 'node-fetch') {
      if (timedOut) return new FetchError(`network timeout at: ${url}`, 'request-timeout');
      if (signal?.aborted) {
        const aborted = new Error('The user aborted a request.') as Error & { type: string };
        aborted.name = 'AbortError';
        aborted.type = 'aborted';
        return aborted;
      }
      if (code === 'ERR_INVALID_URL') return new TypeError('Only absolute URLs are supported');
      const reason = error instanceof Error ? error.message : String(error);
      return new FetchError(
        `request to ${url} failed, reason: ${reason}`,
        'system',
        error as { code?: unknown },
      );
    }
    if (signal?.aborted) return error;
    if (code === 'ERR_INVALID_URL') {
      return new TypeError(`Failed to parse URL from ${url}`, { cause: error });
    }
    return new TypeError('fetch failed', { cause: error });
  }

  const fetch = function fetch(input: unknown, init?: unknown): Promise<unknown> {
    const location = hookLocation();
    return send(input, (init ?? {}) as FetchInit, location);
  };
  if (flavour === 'node-fetch') {
    const globals = globalThis as Record<string, unknown>;
    Object.assign(fetch, {
      default: fetch,
      Headers: globals.Headers,
      Request: globals.Request,
      Response: globals.Response,
      FetchError,
      isRedirect: (code: number) => [301, 302, 303, 307, 308].includes(code),
    });
  }
  return fetch;
}
