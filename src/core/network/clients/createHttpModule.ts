import { Buffer } from 'buffer/';
import { concatBytes, toBuffer, type BufferLike } from '../bytes';
import { createAbort, parseUrl, type UrlParts } from '../hostApis';
import { invalidUrl } from '../nodeErrors';
import { STATUS_CODES } from '../statusCodes';
import type { InboundResponse } from '../createRequestRouter';
import { hookLocation, type ClientContext, type Emitter } from './clientContext';
import { chunkBoundaries } from './responseChunks';

// Node's `http` and `https` client side: request()/get() return a ClientRequest-like
// emitter; the response is an IncomingMessage-like emitter that streams the body as Buffer
// chunks the way Node does (responseChunks.ts: one chunk up to 16 KiB, or the chunks an HTTP
// mock asks for). Events are emitted from the run's guarded timers:
// an exception in a handler, or an 'error' event nobody listens to, fails the run.

type Listener = (...args: never[]) => void;

interface RequestOptions {
  protocol?: unknown;
  host?: unknown;
  hostname?: unknown;
  port?: unknown;
  path?: unknown;
  method?: unknown;
  headers?: unknown;
  auth?: unknown;
  timeout?: unknown;
}

/** Where a request goes: the URL, and the path as written when it lacks its leading '/'. */
interface Target {
  url: UrlParts;
  rawPath?: string;
}

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

export function createHttpModule(context: ClientContext, protocol: 'http:' | 'https:') {
  const Base = context.EventEmitter;
  const later = (callback: () => void) => context.timers.setTimeout(callback, 0);
  const client = protocol === 'https:' ? 'https' : 'http';

  class IncomingMessage extends Base {
    statusCode: number;
    statusMessage: string;
    headers: Record<string, string>;
    rawHeaders: string[];
    httpVersion = '1.1';
    httpVersionMajor = 1;
    httpVersionMinor = 1;
    trailers = {};
    complete = false;
    aborted = false;
    readable = true;
    url = '';
    method = null;
    private encoding: string | undefined;
    private flowing = false;
    private started = false;
    private destroyed = false;
    private readonly body: Uint8Array;
    private readonly chunks: number | undefined;

    constructor(response: InboundResponse) {
      super();
      this.statusCode = response.status;
      this.statusMessage = response.statusText;
      this.headers = { ...response.headers };
      this.rawHeaders = Object.entries(response.headers).flat();
      this.body = response.body;
      this.chunks = response.chunks;
    }

    setEncoding(encoding?: string): this {
      this.encoding = encoding ?? 'utf8';
      return this;
    }

    override on(event: string | symbol, listener: Listener): this {
      super.on(event, listener);
      if (event === 'data') this.resume();
      if (event === 'readable') this.startPaused();
      return this;
    }

    /** Paused mode, as Node's 'readable' listener starts it: chunks wait for read(). */
    private readonly waiting: Uint8Array[] = [];
    private arrived = false;
    private endEmitted = false;

    private startPaused(): void {
      if (this.started) return;
      this.started = true;
      later(() => this.arrive(0, 0));
    }

    private arrive(index: number, start: number): void {
      if (this.destroyed) return;
      const end = chunkBoundaries(this.body, this.encoding !== undefined, this.chunks)[index];
      if (end === undefined) {
        this.arrived = true;
        this.emit('readable');
        return;
      }
      this.waiting.push(this.body.subarray(start, end));
      this.emit('readable');
      later(() => this.arrive(index + 1, end));
    }

    /** Everything that has arrived and not been read yet; null when nothing has (yet). */
    read(): unknown {
      if (this.waiting.length === 0) {
        if (this.arrived && !this.endEmitted) {
          // Node ends a paused stream once a read finds it drained.
          this.endEmitted = true;
          this.complete = true;
          this.readable = false;
          later(() => {
            this.emit('end');
            later(() => this.emit('close'));
          });
        }
        return null;
      }
      const chunk = toBuffer(concatBytes(this.waiting.splice(0)));
      return this.encoding ? chunk.toString(this.encoding as 'utf8') : chunk;
    }

    addListener(event: string | symbol, listener: Listener): this {
      return this.on(event, listener);
    }

    resume(): this {
      this.flowing = true;
      if (!this.started) {
        this.started = true;
        later(() => this.flow(0, 0));
      }
      return this;
    }

    pause(): this {
      this.flowing = false;
      return this;
    }

    isPaused(): boolean {
      return !this.flowing;
    }

    destroy(error?: unknown): this {
      this.destroyed = true;
      if (error) later(() => this.emit('error', error));
      later(() => this.emit('close'));
      return this;
    }

    pipe<T extends { write?(chunk: unknown): unknown; end?(): unknown }>(destination: T): T {
      this.on('data', ((chunk: unknown) => destination.write?.(chunk)) as Listener);
      this.on('end', (() => destination.end?.()) as Listener);
      return destination;
    }

    [Symbol.asyncIterator](): AsyncIterator<unknown> {
      const queue: unknown[] = [];
      let done = false;
      let failure: unknown;
      let wake: (() => void) | undefined;
      this.on('data', ((chunk: unknown) => {
        queue.push(chunk);
        wake?.();
      }) as Listener);
      this.on('end', (() => {
        done = true;
        wake?.();
      }) as Listener);
      this.on('error', ((error: unknown) => {
        failure = error;
        wake?.();
      }) as Listener);
      return {
        next: async () => {
          while (queue.length === 0 && !done && failure === undefined) {
            await new Promise<void>((resolve) => (wake = resolve));
          }
          if (queue.length > 0) return { value: queue.shift(), done: false };
          if (failure !== undefined) throw failure;
          return { value: undefined, done: true };
        },
      };
    }

    private flow(index: number, start: number): void {
      if (this.destroyed) return;
      if (!this.flowing) {
        // Paused: look again shortly (resume() sets flowing back).
        context.timers.setTimeout(() => this.flow(index, start), 1);
        return;
      }
      const ends = chunkBoundaries(this.body, this.encoding !== undefined, this.chunks);
      const end = ends[index];
      if (end === undefined) {
        this.complete = true;
        this.readable = false;
        this.emit('end');
        later(() => this.emit('close'));
        return;
      }
      const chunk: BufferLike = toBuffer(this.body.subarray(start, end));
      this.emit('data', this.encoding ? chunk.toString(this.encoding as 'utf8') : chunk);
      later(() => this.flow(index + 1, end));
    }
  }

  class ClientRequest extends Base {
    method: string;
    path: string;
    host: string;
    protocol: string;
    aborted = false;
    finished = false;
    reusedSocket = false;
    writableEnded = false;
    private readonly headerMap = new Map<string, [string, string]>();
    private readonly chunks: Uint8Array[] = [];
    private readonly abort$ = createAbort();
    private timeoutMs = 0;
    private timer: unknown;
    private sent = false;
    private answered = false;
    private readonly url: string;
    /** A path without a leading '/', sent as is (see malformedPath.ts). */
    private readonly rawPath: string | undefined;

    constructor(target: Target, options: RequestOptions, callback?: Listener) {
      super();
      const { url, rawPath } = target;
      this.method = String(options.method ?? 'GET').toUpperCase();
      this.protocol = url.protocol;
      this.host = url.hostname;
      this.rawPath = rawPath;
      this.path = rawPath ?? `${url.pathname}${url.search}`;
      this.url = rawPath === undefined ? url.href : `${url.protocol}//${url.host}${rawPath}`;
      const headers = options.headers;
      if (headers && typeof headers === 'object') {
        for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
          if (value !== undefined) this.setHeader(name, value);
        }
      }
      if (!this.hasHeader('host')) this.setHeader('Host', url.host);
      const auth =
        typeof options.auth === 'string'
          ? options.auth
          : url.username
            ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
            : undefined;
      if (auth !== undefined && !this.hasHeader('authorization')) {
        this.setHeader('Authorization', `Basic ${Buffer.from(auth).toString('base64')}`);
      }
      if (callback) this.once('response', callback);
      if (options.timeout !== undefined) this.setTimeout(Number(options.timeout));
    }

    setHeader(name: string, value: unknown): this {
      const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
      this.headerMap.set(name.toLowerCase(), [name, text]);
      return this;
    }

    getHeader(name: string): string | undefined {
      return this.headerMap.get(name.toLowerCase())?.[1];
    }

    getHeaders(): Record<string, string> {
      return Object.fromEntries([...this.headerMap].map(([key, [, value]]) => [key, value]));
    }

    hasHeader(name: string): boolean {
      return this.headerMap.has(name.toLowerCase());
    }

    removeHeader(name: string): void {
      this.headerMap.delete(name.toLowerCase());
    }

    flushHeaders(): void {}

    setNoDelay(): void {}

    setSocketKeepAlive(): void {}

    write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
      if (this.writableEnded) {
        const error = new Error('write after end') as Error & { code: string };
        error.code = 'ERR_STREAM_WRITE_AFTER_END';
        later(() => this.emit('error', error));
        return false;
      }
      const done = typeof encoding === 'function' ? encoding : callback;
      if (chunk !== undefined && chunk !== null) {
        this.chunks.push(
          typeof chunk === 'string'
            ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as 'utf8')
            : toBuffer(chunk as Uint8Array),
        );
      }
      if (typeof done === 'function') later(() => (done as () => void)());
      return true;
    }

    end(data?: unknown, encoding?: unknown, callback?: unknown): this {
      if (this.writableEnded) return this;
      const done = [data, encoding, callback].find((value) => typeof value === 'function');
      if (data !== undefined && typeof data !== 'function') {
        this.write(data, typeof encoding === 'string' ? encoding : undefined);
      }
      this.writableEnded = true;
      this.finished = true;
      if (typeof done === 'function') this.once('finish', done as Listener);
      this.send();
      return this;
    }

    setTimeout(ms: number, callback?: Listener): this {
      if (callback) this.once('timeout', callback);
      this.timeoutMs = Number(ms) || 0;
      if (this.sent) this.armTimeout();
      return this;
    }

    abort(): void {
      if (this.aborted) return;
      this.aborted = true;
      this.clearTimer();
      this.abort$.abort();
      later(() => {
        this.emit('abort');
        this.emit('close');
      });
    }

    destroy(error?: unknown): this {
      if (this.aborted) return this;
      this.aborted = true;
      this.clearTimer();
      this.abort$.abort();
      if (!this.answered) {
        later(() => this.emit('error', error ?? socketHangUp()));
      }
      later(() => this.emit('close'));
      return this;
    }

    private clearTimer(): void {
      if (this.timer !== undefined) context.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }

    private armTimeout(): void {
      this.clearTimer();
      if (this.timeoutMs > 0 && !this.answered) {
        this.timer = context.timers.setTimeout(() => this.emit('timeout'), this.timeoutMs);
      }
    }

    private send(): void {
      this.sent = true;
      this.armTimeout();
      const body = this.chunks.length > 0 ? concatBytes(this.chunks) : undefined;
      const headers: Record<string, string> = {};
      for (const [name, value] of this.headerMap.values()) headers[name] = value;
      const location = hookLocation();
      later(() => this.emit('finish'));
      context.router
        .route({
          client,
          method: this.method,
          url: this.url,
          ...(this.rawPath !== undefined ? { rawPath: this.rawPath } : {}),
          headers,
          ...(body !== undefined ? { body } : {}),
          signal: this.abort$.signal,
          ...(location ? { location } : {}),
        })
        .then(
          (response) => {
            if (this.aborted) return;
            this.answered = true;
            this.clearTimer();
            const message = new IncomingMessage(response);
            later(() => {
              // Node dumps a response nobody listens for.
              if (this.listenerCount('response') === 0) message.resume();
              this.emit('response', message);
            });
          },
          (error: unknown) => {
            if (this.aborted) return;
            this.clearTimer();
            later(() => {
              this.emit('error', error);
              this.emit('close');
            });
          },
        );
    }
  }

  function socketHangUp(): Error {
    const error = new Error('socket hang up') as Error & { code: string };
    error.code = 'ECONNRESET';
    return error;
  }

  function toUrl(input: unknown): UrlParts {
    const text = input instanceof URL ? input.href : String(input);
    try {
      return parseUrl(text);
    } catch {
      throw invalidUrl(text);
    }
  }

  function fromOptions(options: RequestOptions): Target {
    const scheme = typeof options.protocol === 'string' ? options.protocol : protocol;
    const hostname = String(options.hostname ?? options.host ?? 'localhost');
    const port = options.port !== undefined && options.port !== null ? `:${options.port}` : '';
    // Node sends `path || '/'` as written; one without a leading '/' is kept raw.
    const path = typeof options.path === 'string' && options.path !== '' ? options.path : '/';
    const rawPath = path.startsWith('/') ? undefined : path;
    const bracketed =
      hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
    const url = toUrl(`${scheme}//${bracketed}${port}${rawPath === undefined ? path : '/'}`);
    return rawPath === undefined ? { url } : { url, rawPath };
  }

  function request(...args: unknown[]): ClientRequest {
    let target: Target;
    let options: RequestOptions = {};
    let rest: unknown[];
    if (typeof args[0] === 'string' || args[0] instanceof URL) {
      const url = toUrl(args[0]);
      target = { url };
      rest = args.slice(1);
      if (rest[0] && typeof rest[0] === 'object') {
        options = rest[0] as RequestOptions;
        rest = rest.slice(1);
        if (
          options.hostname !== undefined ||
          options.host !== undefined ||
          options.path !== undefined
        ) {
          target = fromOptions({
            protocol: url.protocol,
            hostname: url.hostname,
            ...(url.port ? { port: url.port } : {}),
            path: `${url.pathname}${url.search}`,
            ...options,
          });
        }
      }
    } else {
      options = (args[0] ?? {}) as RequestOptions;
      rest = args.slice(1);
      target = fromOptions(options);
    }
    const { protocol: scheme } = target.url;
    if (scheme !== protocol) {
      const error = new TypeError(
        `Protocol "${scheme}" not supported. Expected "${protocol}"`,
      ) as TypeError & { code: string };
      error.code = 'ERR_INVALID_PROTOCOL';
      throw error;
    }
    const callback = typeof rest[0] === 'function' ? (rest[0] as Listener) : undefined;
    return new ClientRequest(target, options, callback);
  }

  function get(...args: unknown[]): ClientRequest {
    const req = request(...args);
    req.end();
    return req;
  }

  /**
   * Node's Agent as packages see it: an EventEmitter (aws-sdk sets its max listeners) with
   * Node's defaults. Requests never pool sockets here: each is answered by the router.
   */
  class Agent extends Base {
    readonly options: Record<string, unknown>;
    readonly defaultPort = protocol === 'https:' ? 443 : 80;
    readonly protocol = protocol;
    readonly keepAlive: boolean;
    readonly maxSockets: number;
    readonly maxFreeSockets: number;
    readonly sockets = {};
    readonly freeSockets = {};
    readonly requests = {};
    constructor(options?: unknown) {
      super();
      this.options = {
        path: null,
        ...(typeof options === 'object' && options !== null ? options : {}),
      };
      const number = (name: string, fallback: number) =>
        typeof this.options[name] === 'number' ? (this.options[name] as number) : fallback;
      this.keepAlive = this.options.keepAlive === true;
      this.maxSockets = number('maxSockets', Infinity);
      this.maxFreeSockets = number('maxFreeSockets', 256);
    }
    destroy(): void {}
  }

  return {
    request,
    get,
    Agent,
    globalAgent: new Agent(),
    ClientRequest,
    IncomingMessage,
    METHODS,
    STATUS_CODES: { ...STATUS_CODES },
    createServer() {
      throw new Error(`${client}.createServer is not available in Hookpad (hooks are clients)`);
    },
  };
}

export type HttpModule = ReturnType<typeof createHttpModule>;
export type { Emitter };
