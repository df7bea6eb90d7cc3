import { Buffer } from 'buffer/';
import { bodyFrom, bytesToText, toBuffer } from '../bytes';
import type { InboundResponse } from '../createRequestRouter';
import { createAbort } from '../hostApis';
import {
  getHeader,
  hasHeader,
  headerRecord,
  hookLocation,
  type ClientContext,
  type Emitter,
} from './clientContext';
import { sendWithTimeout, stringifyQuery, withQuery } from './send';

// The `request` library's callback API (request 2.x): `request(uri|options[, options], cb)`,
// the verb shortcuts and `defaults`. cb(err, response, body), where response is an
// IncomingMessage-like object with statusCode, headers and body. Without a callback the
// returned Request emits 'error', 'response' and 'complete' — an error nobody listens to
// fails the run, as it crashed the process on Node.

type Options = Record<string, unknown>;
type Callback = (error: unknown, response?: unknown, body?: unknown) => void;

const VERBS = ['get', 'head', 'options', 'post', 'put', 'patch', 'del', 'delete'] as const;

function isPlainOptions(value: unknown): value is Options {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** request's own argument handling: (uri, options, cb) | (options, cb) | (uri, cb). */
function initParams(
  uri: unknown,
  options: unknown,
  callback: unknown,
): Options & { callback?: Callback } {
  if (typeof options === 'function') {
    callback = options;
  }
  const params: Options = {};
  if (isPlainOptions(options)) Object.assign(params, options);
  if (typeof uri === 'string' || uri instanceof URL) params.uri = String(uri);
  else if (isPlainOptions(uri)) Object.assign(params, uri);
  if (typeof callback === 'function') params.callback = callback;
  return params as Options & { callback?: Callback };
}

function basicAuth(user: unknown, pass: unknown): string {
  return 'Basic ' + Buffer.from(`${String(user ?? '')}:${String(pass ?? '')}`).toString('base64');
}

export function createRequestModule(context: ClientContext) {
  const Base = context.EventEmitter;

  function perform(params: Options & { callback?: Callback }, defaults: Options): Emitter {
    const options: Options = { ...defaults, ...params };
    if (defaults.headers || params.headers) {
      options.headers = { ...headerRecord(defaults.headers), ...headerRecord(params.headers) };
    }
    const emitter = new Base() as Emitter & { uri?: unknown; method?: string; abort?(): void };
    const callback = options.callback as Callback | undefined;
    const location = hookLocation();
    const later = (fn: () => void) => context.timers.setTimeout(fn, 0);
    let done = false;
    const finish = (error: unknown, response?: unknown, body?: unknown) => {
      if (done) return;
      done = true;
      later(() => {
        if (callback) return error ? callback(error) : callback(null, response, body);
        if (error) emitter.emit('error', error);
        else {
          emitter.emit('response', response);
          emitter.emit('complete', response, body);
        }
      });
    };

    let url = String(options.uri ?? options.url ?? '');
    if (typeof options.baseUrl === 'string' && url) {
      url = options.baseUrl.replace(/\/$/, '') + '/' + url.replace(/^\//, '');
    }
    if (!url) {
      finish(new Error('options.uri is a required argument'));
      return emitter;
    }
    if (options.qs !== undefined) url = withQuery(url, stringifyQuery(options.qs));
    const method = String(options.method ?? 'GET').toUpperCase();
    const headers = headerRecord(options.headers);
    let body: string | Uint8Array | undefined;
    const json = options.json;
    if (options.form !== undefined) {
      body = typeof options.form === 'string' ? options.form : stringifyQuery(options.form);
      if (!hasHeader(headers, 'content-type')) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
    } else if (json !== undefined && json !== false && typeof json !== 'boolean') {
      body = JSON.stringify(json);
      if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
    } else if (options.body !== undefined) {
      const raw = options.body;
      body =
        json === true && typeof raw !== 'string' && !(raw instanceof Uint8Array)
          ? JSON.stringify(raw)
          : bodyFrom(raw);
      if (json === true && !hasHeader(headers, 'content-type')) {
        headers['content-type'] = 'application/json';
      }
    }
    if (json !== undefined && json !== false && !hasHeader(headers, 'accept')) {
      headers.accept = 'application/json';
    }
    const auth = options.auth as Options | undefined;
    if (auth && typeof auth === 'object') {
      if (auth.bearer !== undefined) {
        const token =
          typeof auth.bearer === 'function' ? (auth.bearer as () => unknown)() : auth.bearer;
        headers.authorization = `Bearer ${String(token)}`;
      } else {
        headers.authorization = basicAuth(auth.user ?? auth.username, auth.pass ?? auth.password);
      }
    }
    if (body !== undefined && !hasHeader(headers, 'content-length')) {
      headers['content-length'] = String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      );
    }
    emitter.uri = url;
    emitter.method = method;
    const abort = createAbort();
    emitter.abort = () => abort.abort();

    const timeoutMs = Number(options.timeout) || 0;
    sendWithTimeout(
      context,
      {
        client: 'request',
        method,
        url,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: abort.signal,
        ...(location ? { location } : {}),
      },
      timeoutMs,
      () => {
        const error = new Error('ETIMEDOUT') as Error & { code: string; connect: boolean };
        error.code = 'ETIMEDOUT';
        error.connect = false;
        return error;
      },
    ).then(
      (answer) => {
        const responseBody = decodeBody(answer, options, json);
        finish(null, toResponse(answer, responseBody, url, method, headers), responseBody);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if ((error as { code?: unknown })?.code === 'ERR_INVALID_URL') {
          return finish(new Error(`Invalid URI "${encodeURI(url)}"`));
        }
        finish(error);
      },
    );
    return emitter;
  }

  function decodeBody(answer: InboundResponse, options: Options, json: unknown): unknown {
    if (options.encoding === null) return toBuffer(answer.body);
    const text = bytesToText(answer.body);
    if (json !== undefined && json !== false) {
      try {
        return text === '' ? undefined : JSON.parse(text);
      } catch {
        return text;
      }
    }
    return text;
  }

  function toResponse(
    answer: InboundResponse,
    body: unknown,
    url: string,
    method: string,
    headers: Record<string, string>,
  ): unknown {
    const response = {
      statusCode: answer.status,
      statusMessage: answer.statusText,
      headers: { ...answer.headers },
      rawHeaders: Object.entries(answer.headers).flat(),
      httpVersion: '1.1',
      body,
      request: { uri: new URL(url), method, headers },
      caseless: { get: (name: string) => getHeader(answer.headers, name) },
      toJSON() {
        return {
          statusCode: answer.status,
          body,
          headers: { ...answer.headers },
          request: { uri: url, method, headers },
        };
      },
    };
    return response;
  }

  function build(defaults: Options) {
    const request = function request(uri: unknown, options?: unknown, callback?: unknown) {
      return perform(initParams(uri, options, callback), defaults);
    } as ((uri: unknown, options?: unknown, callback?: unknown) => Emitter) &
      Record<string, unknown>;
    for (const verb of VERBS) {
      const method = verb === 'del' ? 'DELETE' : verb.toUpperCase();
      request[verb] = (uri: unknown, options?: unknown, callback?: unknown) => {
        const params = initParams(uri, options, callback);
        params.method = method;
        return perform(params, defaults);
      };
    }
    request.defaults = (more: unknown) => {
      const extra = isPlainOptions(more) ? more : {};
      const headers = { ...headerRecord(defaults.headers), ...headerRecord(extra.headers) };
      return build({ ...defaults, ...extra, headers });
    };
    request.jar = () => ({ setCookie() {}, getCookieString: () => '' });
    request.cookie = (text: unknown) => String(text);
    request.forever = () => request;
    return request;
  }

  return build({});
}
