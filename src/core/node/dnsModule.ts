import { isIP } from './ipAddress';
import { invalidArgType, systemError } from './systemErrors';

// Node's `dns` without a resolver (docs/runtime-semantics.md §10.2). The hook's HTTP requests
// reach the run's HTTP mocks by URL, with no name lookup, so the sandbox answers no name:
// lookup of an IP address answers it, as Node does without asking DNS; every other query
// fails with Node's "not found" error (ENOTFOUND), later, through the callback or the promise.

export interface DnsEnvironment {
  defer(callback: () => void): void;
}

const NO_DNS =
  "Hookpad's sandbox has no DNS: HTTP(S) requests through the hook's clients reach its HTTP mocks by URL";

function notFound(syscall: string, hostname: string): Error {
  return systemError(`${syscall} ENOTFOUND ${hostname} (${NO_DNS})`, 'ENOTFOUND', syscall, {
    hostname,
  });
}

/** The c-ares query behind each resolve method, as Node names it in its errors. */
const QUERIES: Record<string, string> = {
  resolveAny: 'queryAny',
  resolve4: 'queryA',
  resolve6: 'queryAaaa',
  resolveCaa: 'queryCaa',
  resolveCname: 'queryCname',
  resolveMx: 'queryMx',
  resolveNaptr: 'queryNaptr',
  resolveNs: 'queryNs',
  resolvePtr: 'queryPtr',
  resolveSoa: 'querySoa',
  resolveSrv: 'querySrv',
  resolveTxt: 'queryTxt',
  reverse: 'getHostByAddr',
};

const RRTYPE_QUERY: Record<string, string> = {
  A: 'queryA',
  AAAA: 'queryAaaa',
  ANY: 'queryAny',
  CAA: 'queryCaa',
  CNAME: 'queryCname',
  MX: 'queryMx',
  NAPTR: 'queryNaptr',
  NS: 'queryNs',
  PTR: 'queryPtr',
  SOA: 'querySoa',
  SRV: 'querySrv',
  TXT: 'queryTxt',
};

/** Node's error codes by name (`dns.NOTFOUND === 'ENOTFOUND'`), and the lookup hints. */
const CODE_NAMES =
  'NODATA FORMERR SERVFAIL NOTFOUND NOTIMP REFUSED BADQUERY BADNAME BADFAMILY BADRESP ' +
  'CONNREFUSED TIMEOUT EOF FILE NOMEM DESTRUCTION BADSTR BADFLAGS NONAME BADHINTS ' +
  'NOTINITIALIZED LOADIPHLPAPI ADDRGETNETWORKPARAMS CANCELLED';
const CONSTANTS: Record<string, string | number> = {
  ADDRCONFIG: 32,
  ALL: 16,
  V4MAPPED: 8,
  ...Object.fromEntries(
    CODE_NAMES.split(' ').map((name) => [name, name === 'EOF' ? 'EOF' : `E${name}`]),
  ),
};

type Answer = { error: Error } | { values: unknown[] };

function hostnameOf(value: unknown): string {
  if (typeof value !== 'string') throw invalidArgType('hostname', 'of type string', value);
  return value;
}

function lookup(hostname: unknown, options: unknown): Answer {
  const name = hostnameOf(hostname);
  const family = isIP(name);
  if (family === 0) return { error: notFound('getaddrinfo', name) };
  const all = typeof options === 'object' && options !== null && 'all' in options && options.all;
  return { values: all ? [[{ address: name, family }]] : [name, family] };
}

const resolveAs =
  (query: string) =>
  (hostname: unknown): Answer => ({ error: notFound(query, hostnameOf(hostname)) });

/** The methods of a resolver: (arguments without callback) → the answer. */
function answers(): Record<string, (...args: unknown[]) => Answer> {
  const methods: Record<string, (...args: unknown[]) => Answer> = {
    resolve: (hostname, rrtype) =>
      resolveAs(RRTYPE_QUERY[typeof rrtype === 'string' ? rrtype : 'A'] ?? 'queryA')(hostname),
  };
  for (const [method, query] of Object.entries(QUERIES)) methods[method] = resolveAs(query);
  return methods;
}

function withCallbacks(
  methods: Record<string, (...args: unknown[]) => Answer>,
  env: DnsEnvironment,
): Record<string, (...args: unknown[]) => void> {
  return Object.fromEntries(
    Object.entries(methods).map(([name, answer]) => [
      name,
      (...args: unknown[]) => {
        const callback = args.at(-1);
        if (typeof callback !== 'function') {
          throw invalidArgType('callback', 'of type function', callback);
        }
        const result = answer(...args.slice(0, -1));
        env.defer(() =>
          'error' in result ? callback(result.error) : callback(null, ...result.values),
        );
      },
    ]),
  );
}

function withPromises(
  methods: Record<string, (...args: unknown[]) => Answer>,
): Record<string, (...args: unknown[]) => Promise<unknown>> {
  return Object.fromEntries(
    Object.entries(methods).map(([name, answer]) => [
      name,
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const result = answer(...args);
          if ('error' in result) return reject(result.error);
          // The promise form of lookup answers { address, family } (or the list).
          const [first, family] = result.values;
          resolve(name === 'lookup' && family !== undefined ? { address: first, family } : first);
        }),
    ]),
  );
}

export function createDnsModule(env: DnsEnvironment): Record<string, unknown> {
  let order = 'verbatim';
  const methods = {
    ...answers(),
    lookup,
    lookupService: (address: unknown, port: unknown): Answer => ({
      error: notFound('getnameinfo', `${String(address)}:${String(port)}`),
    }),
  };
  const shared = {
    getServers: () => [],
    setServers: () => undefined,
    getDefaultResultOrder: () => order,
    setDefaultResultOrder: (value: unknown) => {
      if (value === 'ipv4first' || value === 'verbatim') order = value;
    },
  };
  const callbacks = withCallbacks(methods, env);
  const promises = withPromises(methods);
  class Resolver {
    cancel(): void {}
    setLocalAddress(): void {}
  }
  Object.assign(Resolver.prototype, shared, callbacks);
  class PromisesResolver {
    cancel(): void {}
    setLocalAddress(): void {}
  }
  Object.assign(PromisesResolver.prototype, shared, promises);
  return {
    ...CONSTANTS,
    ...shared,
    ...callbacks,
    Resolver,
    promises: { ...CONSTANTS, ...shared, ...promises, Resolver: PromisesResolver },
  };
}
