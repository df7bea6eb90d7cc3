// The host's WHATWG fetch family, reached through globalThis with local types: the engine's
// tsconfig has neither DOM nor Node typings. Node 20, browsers and workers all have them.

export interface HostHeaders {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

export interface HostResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HostHeaders;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

export interface HostAbortController {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}

export type HostFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: Uint8Array;
    signal?: AbortSignalLike;
    redirect?: 'follow';
  },
) => Promise<HostResponse>;

interface HostGlobals {
  fetch?: HostFetch;
  Headers?: new (init?: Record<string, string>) => HostHeaders;
  Response?: new (
    body: Uint8Array | null,
    init: { status: number; statusText: string; headers: Record<string, string> },
  ) => HostResponse;
  AbortController?: new () => HostAbortController;
  DOMException?: new (message: string, name: string) => Error;
}

/** The host's globals, read when needed (a test may stub them). */
export function host(): HostGlobals {
  return globalThis as unknown as HostGlobals;
}

/** An AbortError as the host's fetch raises it (a DOMException where there is one). */
export function abortError(message = 'This operation was aborted'): Error {
  const DOMException = host().DOMException;
  if (DOMException) return new DOMException(message, 'AbortError');
  const error = new Error(message);
  error.name = 'AbortError';
  return error;
}

/** A minimal abort signal of the engine's own (no host class needed). */
export function createAbort(): { signal: AbortSignalLike; abort(reason?: unknown): void } {
  const listeners = new Set<() => void>();
  const signal = {
    aborted: false,
    reason: undefined as unknown,
    addEventListener(_type: 'abort', listener: () => void) {
      listeners.add(listener);
    },
    removeEventListener(_type: 'abort', listener: () => void) {
      listeners.delete(listener);
    },
  };
  return {
    signal,
    abort(reason) {
      if (signal.aborted) return;
      signal.aborted = true;
      signal.reason = reason ?? abortError();
      for (const listener of [...listeners]) listener();
      listeners.clear();
    },
  };
}

/** The WHATWG URL fields the clients read (hostGlobals.d.ts declares only a few). */
export interface UrlParts {
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly username: string;
  readonly password: string;
}

/** `new URL(text)`, typed with the fields above; throws like the constructor. */
export function parseUrl(text: string): UrlParts {
  return new URL(text) as unknown as UrlParts;
}
