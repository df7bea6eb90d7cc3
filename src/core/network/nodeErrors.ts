import { parseUrl } from './hostApis';

// Errors shaped like the ones Node's networking raises, so `err.code` checks in hooks work.

export type NodeSystemError = Error & {
  code: string;
  errno?: number;
  syscall?: string;
  address?: string;
  port?: number;
};

function systemError(message: string, fields: Omit<NodeSystemError, 'name' | 'message'>) {
  const error = new Error(message) as NodeSystemError;
  Object.assign(error, fields);
  return error;
}

/** Where a URL connects to: host and port (the scheme's default when none is written). */
export function endpointOf(url: string): { host: string; port: number } | undefined {
  try {
    const parsed = parseUrl(url);
    const port = Number(parsed.port) || (parsed.protocol === 'https:' ? 443 : 80);
    return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port };
  } catch {
    return undefined;
  }
}

/** `Error: connect ECONNREFUSED host:port`, as Node reports a refused connection. */
export function connectionRefused(url: string): NodeSystemError {
  const { host, port } = endpointOf(url) ?? { host: 'localhost', port: 80 };
  return systemError(`connect ECONNREFUSED ${host}:${port}`, {
    errno: -111,
    code: 'ECONNREFUSED',
    syscall: 'connect',
    address: host,
    port,
  });
}

/** `Error: read ECONNRESET`: the connection was reset (a mock's network error). */
export function connectionReset(): NodeSystemError {
  return systemError('read ECONNRESET', { errno: -104, code: 'ECONNRESET', syscall: 'read' });
}

/** `TypeError [ERR_INVALID_URL]: Invalid URL`, as Node's URL parser throws it. */
export function invalidUrl(input: string): TypeError & { code: string; input: string } {
  const error = new TypeError('Invalid URL') as TypeError & { code: string; input: string };
  error.code = 'ERR_INVALID_URL';
  error.input = input;
  return error;
}

/** Only http: and https: go anywhere. */
export function unsupportedProtocol(protocol: string): NodeSystemError {
  return systemError(`Protocol "${protocol}" not supported. Expected "http:" or "https:"`, {
    code: 'ERR_INVALID_PROTOCOL',
  });
}

/** The browser's fetch refused the request (its TypeError says nothing more). */
export const FETCH_REFUSED_EXPLANATION =
  'the browser refused it — probably CORS (the server must allow origin null) or the network is down';

export function fetchRefused(url: string, original: string): NodeSystemError {
  const { host, port } = endpointOf(url) ?? { host: 'localhost', port: 80 };
  return systemError(`${original}: ${FETCH_REFUSED_EXPLANATION}`, {
    errno: -111,
    code: 'ECONNREFUSED',
    syscall: 'connect',
    address: host,
    port,
  });
}
