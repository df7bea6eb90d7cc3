import { isIP } from './ipAddress';
import { socketClasses, type SocketEnvironment } from './netModule';

// Node's `tls` without sockets (docs/runtime-semantics.md §10.2): connecting and listening
// fail as net's do; what packages read at load (the defaults, TLSSocket to extend,
// checkServerIdentity to wrap) is there. HTTPS goes through Hookpad's clients (§12).

/** Node 18's default cipher list. */
const DEFAULT_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'DHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-SHA256',
  'DHE-RSA-AES128-SHA256',
  'ECDHE-RSA-AES256-SHA384',
  'DHE-RSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA256',
  'DHE-RSA-AES256-SHA256',
  'HIGH',
  '!aNULL',
  '!eNULL',
  '!EXPORT',
  '!DES',
  '!RC4',
  '!MD5',
  '!PSK',
  '!SRP',
  '!CAMELLIA',
].join(':');

interface PeerCertificate {
  subject?: { CN?: string | string[] };
  subjectaltname?: string;
}

/** One DNS name of a certificate against the host, with a wildcard only in the first label. */
function nameMatches(host: string, pattern: string): boolean {
  const hostLabels = host.split('.');
  const patternLabels = pattern.toLowerCase().replace(/\.?$/, '.').split('.');
  if (hostLabels.length !== patternLabels.length) return false;
  if (patternLabels.slice(0, -1).some((label) => label === '')) return false;
  const [first = '', ...rest] = patternLabels;
  const [hostFirst = '', ...hostRest] = hostLabels;
  if (rest.some((label, index) => label !== hostRest[index])) return false;
  const star = first.indexOf('*');
  // `*.com` names no host, and an IDN label is matched whole.
  if (star === -1 || patternLabels.length <= 3 || first.startsWith('xn--')) {
    return first === hostFirst;
  }
  const prefix = first.slice(0, star);
  const suffix = first.slice(star + 1);
  if (suffix.includes('*')) return false;
  return (
    hostFirst.length >= prefix.length + suffix.length &&
    hostFirst.startsWith(prefix) &&
    hostFirst.endsWith(suffix)
  );
}

function altnameError(reason: string, host: string, cert: unknown): Error {
  return Object.assign(new Error(`Hostname/IP does not match certificate's altnames: ${reason}`), {
    code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    reason,
    host,
    cert,
  });
}

/** Node's check of a server certificate's names: undefined when it matches, else the error. */
export function checkServerIdentity(hostname: string, cert: PeerCertificate): Error | undefined {
  const altnames = (cert.subjectaltname ?? '').split(', ').filter((name) => name !== '');
  const dnsNames = altnames.filter((n) => n.startsWith('DNS:')).map((n) => n.slice(4));
  const ips = altnames.filter((n) => n.startsWith('IP Address:')).map((n) => n.slice(11));
  if (isIP(hostname) !== 0) {
    if (ips.includes(hostname)) return undefined;
    return altnameError(
      `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`,
      hostname,
      cert,
    );
  }
  const host = hostname.toLowerCase().replace(/\.?$/, '.');
  if (dnsNames.length > 0) {
    if (dnsNames.some((name) => nameMatches(host, name))) return undefined;
    return altnameError(
      `Host: ${host} is not in the cert's altnames: ${cert.subjectaltname ?? ''}`,
      hostname,
      cert,
    );
  }
  const cn = cert.subject?.CN;
  if (cn === undefined) return altnameError('Cert does not contain a DNS name', hostname, cert);
  const names = Array.isArray(cn) ? cn : [cn];
  if (names.some((name) => nameMatches(host, name))) return undefined;
  return altnameError(`Host: ${host} is not cert's CN: ${String(cn)}`, hostname, cert);
}

/** What createSecureContext returns: the options it was given (no connection ever uses it). */
class SecureContext {
  constructor(readonly options: object = {}) {}
}

export function createTlsModule(env: SocketEnvironment): Record<string, unknown> {
  const net = socketClasses(env);
  class TLSSocket extends net.Socket {
    encrypted = true;
    authorized = false;
  }
  class Server extends net.Server {}
  const connect = (...args: unknown[]) => new TLSSocket().connect(...args);
  return {
    CLIENT_RENEG_LIMIT: 3,
    CLIENT_RENEG_WINDOW: 600,
    DEFAULT_CIPHERS,
    DEFAULT_ECDH_CURVE: 'auto',
    DEFAULT_MIN_VERSION: 'TLSv1.2',
    DEFAULT_MAX_VERSION: 'TLSv1.3',
    // No certificate store: no TLS connection is ever made from the sandbox.
    rootCertificates: Object.freeze([]),
    checkServerIdentity,
    createSecureContext: (options?: object) => new SecureContext(options),
    SecureContext,
    TLSSocket,
    Server,
    connect,
    createServer: (options?: unknown, listener?: unknown) => new Server(options, listener),
  };
}
