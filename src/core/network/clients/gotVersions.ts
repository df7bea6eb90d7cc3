import { parseUrl, type UrlParts } from '../hostApis';
import { atLeast, parseVersion, versionText } from './clientVersion';

// What differs between got's versions that a hook sees (from got's own source, by tag):
// - up to 9.x: User-Agent `got/<version> (https://github.com/sindresorhus/got)`; HTTPError
//   carries `statusCode`, `statusMessage`, `headers` (and `body` from 9.3.0) and the request's
//   `host`, `hostname`, `method`, `path`, `protocol`, `url` on the error itself, no `code`;
// - 10.x to 11.8.2: User-Agent `got (…)`; only `error.response`, no `code`;
// - 11.8.3 and later (and no version): `code` 'ERR_NON_2XX_3XX_RESPONSE'.
// Every version has `error.response` (not enumerable). docs/runtime-semantics.md §12.

type Options = Record<string, unknown>;

interface GotResponseLike {
  statusCode: number;
  statusMessage: string;
  headers: Record<string, string>;
  body: unknown;
  url: string;
}

export interface GotFlavour {
  userAgent: string;
  shapeHttpError<E extends Error & { code?: string }>(
    error: E,
    response: GotResponseLike,
    options: Options,
  ): E;
}

const MODERN_AGENT = 'got (https://github.com/sindresorhus/got)';

export function gotFlavour(pinned: string | undefined): GotFlavour {
  const version = parseVersion(pinned);
  if (version && !atLeast(version, [10, 0, 0])) {
    return {
      userAgent: `got/${versionText(version)} (https://github.com/sindresorhus/got)`,
      shapeHttpError(error, response, options) {
        delete error.code;
        const url = safeUrl(response.url);
        Object.assign(error, {
          host: url?.host,
          hostname: url?.hostname,
          method: String(options.method ?? 'GET').toUpperCase(),
          path: url ? `${url.pathname}${url.search}` : undefined,
          protocol: url?.protocol,
          url: response.url,
          statusCode: response.statusCode,
          statusMessage: response.statusMessage,
          headers: response.headers,
          ...(atLeast(version, [9, 3, 0]) ? { body: response.body } : {}),
        });
        return error;
      },
    };
  }
  const coded = !version || atLeast(version, [11, 8, 3]);
  return {
    userAgent: MODERN_AGENT,
    shapeHttpError(error) {
      if (coded) error.code = 'ERR_NON_2XX_3XX_RESPONSE';
      else delete error.code;
      return error;
    },
  };
}

function safeUrl(text: string): UrlParts | undefined {
  try {
    return parseUrl(text);
  } catch {
    return undefined;
  }
}
