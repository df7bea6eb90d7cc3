import { Buffer } from 'buffer/';
import { bodyFrom, bytesToText, toBuffer } from '../bytes';
import type { InboundResponse } from '../createRequestRouter';
import { hasHeader, headerRecord, hookLocation, type ClientContext } from './clientContext';
import { sendWithTimeout, stringifyQuery, withQuery } from './send';
import { gotFlavour } from './gotVersions';

// got's promise API as hooks used it: got(url[, options]), got(options), the verb
// shortcuts and extend(). Options of got 10–11 (`json: object`, `form: object`,
// `responseType`, `resolveBodyOnly`, `searchParams`, `prefixUrl`) and of got 9 where they
// cannot be confused (`json: true` = send and parse JSON, `form: true` with an object body,
// `query`). A status ≥ 400 rejects with an HTTPError carrying the response, shaped as the
// required version had it (gotVersions.ts).

type Options = Record<string, unknown>;

class RequestError extends Error {
  code?: string;
  response?: unknown;
  options?: unknown;
  constructor(message: string, cause: unknown, options: unknown) {
    super(message);
    this.name = 'RequestError';
    const code = (cause as { code?: unknown } | null)?.code;
    if (code !== undefined) this.code = String(code);
    Object.defineProperty(this, 'options', { value: options, enumerable: false });
  }
}

class HTTPError extends RequestError {
  constructor(response: { statusCode: number; statusMessage: string }, options: unknown) {
    super(`Response code ${response.statusCode} (${response.statusMessage})`, undefined, options);
    this.name = 'HTTPError';
    // got keeps the response off the error's own enumerable fields (every version).
    Object.defineProperty(this, 'response', { value: response, enumerable: false });
  }
}

class TimeoutError extends RequestError {
  event: string;
  constructor(ms: number, options: unknown) {
    super(`Timeout awaiting 'request' for ${ms}ms`, { code: 'ETIMEDOUT' }, options);
    this.name = 'TimeoutError';
    this.event = 'request';
  }
}

class ParseError extends RequestError {
  constructor(cause: unknown, response: unknown, options: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), undefined, options);
    this.name = 'ParseError';
    this.code = 'ERR_BODY_PARSE_FAILURE';
    this.response = response;
  }
}

function merge(base: Options, more: Options): Options {
  const merged: Options = { ...base, ...more };
  if (base.headers || more.headers) {
    merged.headers = { ...headerRecord(base.headers), ...headerRecord(more.headers) };
  }
  return merged;
}

export function createGot(context: ClientContext, version?: string) {
  const flavour = gotFlavour(version);
  const httpError = (response: GotResponse, options: Options) =>
    flavour.shapeHttpError(new HTTPError(response, options), response, options);

  function perform(options: Options): Promise<unknown> & Record<string, unknown> {
    const location = hookLocation();
    let url = String(options.url ?? '');
    if (typeof options.prefixUrl === 'string' && options.prefixUrl) {
      url = options.prefixUrl.replace(/\/?$/, '/') + url.replace(/^\//, '');
    } else if (typeof options.baseUrl === 'string' && options.baseUrl) {
      url = options.baseUrl.replace(/\/?$/, '/') + url.replace(/^\//, '');
    }
    const query = options.searchParams ?? options.query;
    if (query !== undefined) url = withQuery(url, stringifyQuery(query));
    const method = String(options.method ?? 'GET').toUpperCase();
    const headers = headerRecord(options.headers);
    if (!hasHeader(headers, 'user-agent')) headers['user-agent'] = flavour.userAgent;
    const legacyJson = options.json === true;
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined && !legacyJson && options.json !== false) {
      body = JSON.stringify(options.json);
      if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
    } else if (options.form !== undefined && options.form !== true && options.form !== false) {
      body = stringifyQuery(options.form);
      if (!hasHeader(headers, 'content-type')) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
    } else if (options.body !== undefined) {
      const raw = options.body;
      const isObject = typeof raw === 'object' && raw !== null && !ArrayBuffer.isView(raw);
      if (legacyJson && isObject) {
        body = JSON.stringify(raw);
        if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
      } else if (options.form === true && isObject) {
        body = stringifyQuery(raw);
        if (!hasHeader(headers, 'content-type')) {
          headers['content-type'] = 'application/x-www-form-urlencoded';
        }
      } else {
        body = bodyFrom(raw);
      }
    }
    if (legacyJson && !hasHeader(headers, 'accept')) headers.accept = 'application/json';
    if (options.username !== undefined || options.password !== undefined) {
      const user = `${String(options.username ?? '')}:${String(options.password ?? '')}`;
      headers.authorization = 'Basic ' + Buffer.from(user).toString('base64');
    }
    if (body !== undefined && !hasHeader(headers, 'content-length')) {
      headers['content-length'] = String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      );
    }
    const timeout = options.timeout;
    const timeoutMs =
      typeof timeout === 'number'
        ? timeout
        : Number((timeout as { request?: unknown } | undefined)?.request) || 0;

    const responsePromise = sendWithTimeout(
      context,
      {
        client: 'got',
        method,
        url,
        headers,
        ...(body !== undefined ? { body } : {}),
        ...(location ? { location } : {}),
      },
      timeoutMs,
      () => new TimeoutError(timeoutMs, options),
    ).then(
      (answer) => toResponse(answer, url),
      (error: unknown) => {
        if (error instanceof RequestError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new RequestError(message, error, options);
      },
    );

    const responseType = legacyJson ? 'json' : String(options.responseType ?? 'text');
    const result = responsePromise.then((response) => {
      const parsed = parseBody(response, responseType, options);
      response.body = parsed;
      if (options.throwHttpErrors !== false && response.statusCode >= 400) {
        throw httpError(response, options);
      }
      return options.resolveBodyOnly === true ? parsed : response;
    }) as Promise<unknown> & Record<string, unknown>;

    const bodyAs = (type: string) => {
      // The shortcut's promise is the one awaited; the plain one must not report a rejection.
      result.catch(() => undefined);
      return responsePromise.then((response) => {
        if (options.throwHttpErrors !== false && response.statusCode >= 400) {
          throw httpError(response, options);
        }
        return parseBody(response, type, options);
      });
    };
    result.json = () => bodyAs('json');
    result.text = () => bodyAs('text');
    result.buffer = () => bodyAs('buffer');
    result.cancel = () => undefined;
    result.on = () => result;
    return result;
  }

  type GotResponse = {
    statusCode: number;
    statusMessage: string;
    headers: Record<string, string>;
    body: unknown;
    rawBody: unknown;
    url: string;
    requestUrl: string;
    ok: boolean;
    redirectUrls: string[];
    retryCount: number;
    bytes: Uint8Array;
  };

  function toResponse(answer: InboundResponse, url: string): GotResponse {
    return {
      statusCode: answer.status,
      statusMessage: answer.statusText,
      headers: { ...answer.headers },
      body: undefined,
      rawBody: toBuffer(answer.body),
      url,
      requestUrl: url,
      ok: answer.status >= 200 && answer.status < 300,
      redirectUrls: [],
      retryCount: 0,
      bytes: answer.body,
    };
  }

  function parseBody(response: GotResponse, type: string, options: Options): unknown {
    if (type === 'buffer') return toBuffer(response.bytes);
    const text = bytesToText(response.bytes);
    if (type !== 'json') return text;
    if (text === '') return '';
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ParseError(error, response, options);
    }
  }

  function build(defaults: Options) {
    const got = function got(url: unknown, options?: unknown) {
      const own =
        typeof url === 'object' && url !== null && !(url instanceof URL)
          ? (url as Options)
          : { ...((options ?? {}) as Options), url: String(url) };
      return perform(merge(defaults, own));
    } as unknown as ((url: unknown, options?: unknown) => Promise<unknown>) &
      Record<string, unknown>;
    for (const verb of ['get', 'post', 'put', 'patch', 'head', 'delete']) {
      got[verb] = (url: unknown, options?: unknown) => {
        const own =
          typeof url === 'object' && url !== null && !(url instanceof URL)
            ? (url as Options)
            : { ...((options ?? {}) as Options), url: String(url) };
        return perform(merge(defaults, { ...own, method: verb.toUpperCase() }));
      };
    }
    got.extend = (...more: unknown[]) =>
      build(
        more.reduce<Options>((acc, item) => {
          const extra = item as Options & { defaults?: { options?: Options } };
          return merge(acc, extra?.defaults?.options ?? extra ?? {});
        }, defaults),
      );
    got.defaults = { options: defaults };
    got.RequestError = RequestError;
    got.HTTPError = HTTPError;
    got.TimeoutError = TimeoutError;
    got.ParseError = ParseError;
    got.default = got;
    return got;
  }

  return build({});
}
