import { Buffer } from 'buffer/';
import type { SerializedError } from './schemas';

// The request the platform sent to a hook's webtask, and the compiler's check of it
// (auth0-ext-compilers lib/authorization.js; docs/runtime-semantics.md §3, §9).

/** The secret the platform authenticated its own requests to the hook with. */
export const EXTENSION_SECRET = 'auth0-extension-secret';
export const UNAUTHORIZED_MESSAGE = 'Unauthorized extensibility point';

/**
 * The platform's host name is not in any source; a reserved `.invalid` name says so and can
 * never be reached by a hook that builds a URL from it.
 */
export const REQUEST_HOST = 'hooks.webtask.invalid';

/**
 * The request headers as the hook saw them (lower-case names): the platform's Runner and
 * the platform itself sent `Authorization: Bearer <auth0-extension-secret>` whenever that
 * secret existed. HTTP drops whitespace around a header value, so it is trimmed here too.
 */
export function requestHeaders(
  secrets: Readonly<Record<string, string>>,
  bodyRaw: string,
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const secret = secrets[EXTENSION_SECRET];
  if (secret) headers.authorization = `Bearer ${secret}`.trim();
  headers['content-length'] = String(Buffer.byteLength(bodyRaw, 'utf8'));
  headers.host = REQUEST_HOST;
  return headers;
}

/**
 * The compiler's `is_authorized`, checked before the body: with the secret set, the
 * Authorization header must be `Bearer <secret>` exactly (the scheme in any case). Its error
 * carries an own `statusCode: 500`, which the error envelope lists.
 */
export function authorizationError(
  secrets: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>>,
): SerializedError | undefined {
  const secret = secrets[EXTENSION_SECRET];
  if (!secret) return undefined;
  const match = (headers.authorization ?? '').trim().match(/^bearer (.+)$/i);
  if (match && match[1] === secret) return undefined;
  return {
    name: 'Error',
    message: UNAUTHORIZED_MESSAGE,
    ownKeys: ['stack', 'message', 'statusCode'],
    props: { statusCode: 500 },
  };
}
