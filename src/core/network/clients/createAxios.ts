import { Buffer } from 'buffer/';
import type { CodeLocation } from '../../schemas';
import { bodyFrom, toBuffer, bytesToText } from '../bytes';
import { createAbort, type AbortSignalLike } from '../hostApis';
import { headerRecord, hasHeader, hookLocation, type ClientContext } from './clientContext';
import { encodeBody } from './createFetch';
import { sendWithTimeout } from './send';
import loadAxios from './loadAxios.cjs';
import { axiosFlavour } from './axiosVersions';

// The real axios with one change: its adapter is Hookpad's router. Everything else —
// defaults, create(), interceptors, transforms, JSON handling, AxiosError — is axios' own.
// Each hook-facing function records the calling line, which axios carries in the config
// to the adapter (which runs later, off the hook's stack).

/* eslint-disable @typescript-eslint/no-explicit-any -- axios is untyped here (no DOM/Node types in core) */
type Axios = any;

const LOCATION_KEY = 'hookpadLocation';
const STATICS = [
  'Axios',
  'AxiosError',
  'AxiosHeaders',
  'CanceledError',
  'Cancel',
  'CancelToken',
  'isCancel',
  'isAxiosError',
  'VERSION',
  'all',
  'spread',
  'toFormData',
  'formToJSON',
  'getAdapter',
  'HttpStatusCode',
  'mergeConfig',
];
const NO_DATA = ['get', 'delete', 'head', 'options'];
const WITH_DATA = ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];

export function createAxios(context: ClientContext, version?: string): unknown {
  const axios = loadAxios() as Axios;
  const flavour = axiosFlavour(version);
  const userAgent = `axios/${flavour.version ?? axios.VERSION}`;
  const { AxiosError, AxiosHeaders, CanceledError } = axios;

  async function adapter(config: Axios): Promise<unknown> {
    const location = config[LOCATION_KEY] as CodeLocation | undefined;
    const url: string = axios.getUri(config);
    const method = String(config.method ?? 'get').toUpperCase();
    const headers = headerRecord(
      Object.fromEntries(
        Object.entries(AxiosHeaders.from(config.headers).toJSON()).filter(
          ([, value]) => value !== false && value !== null && value !== undefined,
        ),
      ),
    );
    if (!hasHeader(headers, 'user-agent')) headers['User-Agent'] = userAgent;
    if (config.auth) {
      const user = `${config.auth.username ?? ''}:${config.auth.password ?? ''}`;
      headers.Authorization = 'Basic ' + Buffer.from(user).toString('base64');
    }
    let body: string | Uint8Array | undefined;
    const data = config.data;
    if (data !== undefined && data !== null) {
      if (typeof data === 'string' || ArrayBuffer.isView(data) || data instanceof ArrayBuffer) {
        body = bodyFrom(data);
      } else {
        const encoded = await encodeBody(data);
        body = encoded.body;
        if (encoded.contentType) headers['Content-Type'] = encoded.contentType;
      }
    }
    const request = { method, url, path: url, headers, aborted: false };

    const abort = createAbort();
    const signal = config.signal as AbortSignalLike | undefined;
    const cancelled = () => new CanceledError(null, config, request);
    if (signal) {
      if (signal.aborted) throw cancelled();
      signal.addEventListener('abort', () => abort.abort(cancelled()), { once: true });
    }
    config.cancelToken?.promise?.then((cancel: unknown) => abort.abort(cancel ?? cancelled()));

    const timeoutMs = Number(config.timeout) || 0;
    let answer;
    try {
      answer = await sendWithTimeout(
        context,
        {
          client: 'axios',
          method,
          url,
          headers,
          ...(body !== undefined ? { body } : {}),
          signal: abort.signal,
          ...(location ? { location } : {}),
        },
        timeoutMs,
        () => {
          const clarify = config.transitional?.clarifyTimeoutError;
          const message = config.timeoutErrorMessage ?? `timeout of ${timeoutMs}ms exceeded`;
          return new AxiosError(
            message,
            clarify ? AxiosError.ETIMEDOUT : AxiosError.ECONNABORTED,
            config,
            request,
          );
        },
      );
    } catch (error) {
      if (error instanceof AxiosError) throw error;
      throw AxiosError.from(error, (error as { code?: string })?.code, config, request);
    }
    const responseData =
      config.responseType === 'arraybuffer' || config.responseType === 'blob'
        ? toBuffer(answer.body)
        : bytesToText(answer.body);
    const response = {
      data: responseData,
      status: answer.status,
      statusText: answer.statusText,
      headers: new AxiosHeaders(answer.headers),
      config,
      request,
    };
    const validate = config.validateStatus;
    if (!response.status || !validate || validate(response.status)) return response;
    throw new AxiosError(
      `Request failed with status code ${response.status}`,
      response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      request,
      response,
    );
  }

  /** The config argument at `index`, with the caller's line added. */
  function located(args: unknown[], index: number): unknown[] {
    const location = hookLocation();
    if (!location) return args;
    const copy = [...args];
    const config = copy[index];
    copy[index] = {
      ...(config && typeof config === 'object' ? config : {}),
      [LOCATION_KEY]: location,
    };
    return copy;
  }

  /** The answer as the required version shows it (axiosVersions.ts). */
  function versioned(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(flavour.response, (error: unknown) => {
      throw flavour.error(error);
    });
  }

  function facade(instance: Axios): Axios {
    const hookAxios = function axios(...args: unknown[]) {
      return versioned(instance(...located(args, typeof args[0] === 'string' ? 1 : 0)));
    } as Axios;
    for (const key of Object.keys(instance)) hookAxios[key] = instance[key];
    hookAxios.request = (...args: unknown[]) =>
      versioned(instance.request(...located(args, typeof args[0] === 'string' ? 1 : 0)));
    for (const method of NO_DATA) {
      hookAxios[method] = (...args: unknown[]) => versioned(instance[method](...located(args, 1)));
    }
    for (const method of WITH_DATA) {
      hookAxios[method] = (...args: unknown[]) => versioned(instance[method](...located(args, 2)));
    }
    hookAxios.create = (config?: unknown) => facade(instance.create(config));
    return hookAxios;
  }

  const hookAxios = facade(axios.create({ adapter }));
  for (const key of STATICS) if (key in axios) hookAxios[key] = axios[key];
  hookAxios.default = hookAxios;
  return hookAxios;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
