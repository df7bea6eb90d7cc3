import * as bufferModule from 'buffer/';
import loadPorts from './loadPorts.cjs';
import { createCryptoModule, type CryptoEnvironment } from './createCryptoModule';
import { createOsModule } from './osModule';
import { createZlibModule } from './zlibModule';
import { createTimersPromises } from './timersPromises';
import { createTtyModule } from './ttyModule';
import { createFsModule } from './fsModule';
import { createNetModule } from './netModule';
import { createTlsModule } from './tlsModule';
import { createDgramModule } from './dgramModule';
import { createHttp2Module } from './http2Module';
import { createDnsModule } from './dnsModule';
import { createDomainModule } from './domainModule';
import { createChildProcessModule } from './childProcessModule';
import { createUtilModule } from './utilModule';

// Node core modules Hookpad provides (docs/runtime-semantics.md §10), as browser ports. Buffer and
// the hashes are part of the engine anyway; the other ports are loaded on first require (see
// loadPorts.cjs), and every module object a hook receives is built per run.

export interface BuiltinEnvironment extends CryptoEnvironment {
  /** The run's guarded setTimeout (timers/promises); the host's when absent (tests). */
  setTimeout?(callback: () => void, ms: number): void;
  /** Milliseconds since the run started (os.uptime). */
  now?(): number;
  /**
   * The run's own globals: as in Node, `require('process')` is the hook's `process` and
   * `require('timers')` holds its timer functions (auth0's superagent and xml2js require them).
   */
  globals?: Readonly<Record<(typeof TIMER_NAMES)[number] | 'process', unknown>>;
}

const TIMER_NAMES = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
] as const;

function runGlobals(
  env: BuiltinEnvironment,
  name: string,
): NonNullable<BuiltinEnvironment['globals']> {
  if (!env.globals) throw new Error(`Node's ${name} module exists only inside a run.`);
  return env.globals;
}

const hostTimeout = (callback: () => void, ms: number) => void setTimeout(callback, ms);
const property = (load: () => unknown, name: string) => () =>
  (load() as Record<string, unknown>)[name];

/**
 * One instance per run of a module with a subpath that is one of its properties, so that
 * `require('fs').promises === require('fs/promises')`, as in Node.
 */
function perRun<M>(create: (env: BuiltinEnvironment) => M): (env: BuiltinEnvironment) => M {
  const instances = new WeakMap<BuiltinEnvironment, M>();
  return (env) => {
    if (!instances.has(env)) instances.set(env, create(env));
    return instances.get(env)!;
  };
}
const fsOf = perRun(createFsModule);
const dnsOf = perRun(createDnsModule);

const FACTORIES: Record<string, (env: BuiltinEnvironment) => unknown> = {
  assert: loadPorts.assert,
  'assert/strict': property(loadPorts.assert, 'strict'),
  buffer: () => ({ ...bufferModule }),
  child_process: createChildProcessModule,
  crypto: (env) => createCryptoModule(env),
  dgram: createDgramModule,
  dns: dnsOf,
  'dns/promises': (env) => dnsOf(env).promises,
  domain: createDomainModule,
  events: loadPorts.events,
  // The sandbox has no files, sockets or processes: these answer as Node does on a machine
  // with none (docs/runtime-semantics.md §10.2).
  fs: fsOf,
  'fs/promises': (env) => fsOf(env).promises,
  http2: createHttp2Module,
  net: createNetModule,
  os: (env) => createOsModule(env.now ?? (() => performance.now())),
  // path-browserify is Node's posix path (the platform ran on Linux).
  path: loadPorts.path,
  'path/posix': loadPorts.path,
  process: (env) => runGlobals(env, 'process').process,
  // Node's punycode is the punycode npm package (Node 18 bundles 2.1.0).
  punycode: loadPorts.punycode,
  querystring: loadPorts.querystring,
  // readable-stream is Node's own stream code, published for browsers.
  stream: loadPorts.stream,
  'stream/promises': property(loadPorts.stream, 'promises'),
  string_decoder: loadPorts.stringDecoder,
  timers: (env) => {
    const globals = runGlobals(env, 'timers');
    return Object.fromEntries(TIMER_NAMES.map((name) => [name, globals[name]]));
  },
  'timers/promises': (env) => createTimersPromises({ setTimeout: env.setTimeout ?? hostTimeout }),
  tls: createTlsModule,
  tty: createTtyModule,
  // Node's url also exports the WHATWG classes; the port predates them.
  url: () => ({ ...(loadPorts.url() as object), URL, URLSearchParams }),
  util: createUtilModule,
  'util/types': property(loadPorts.util, 'types'),
  zlib: (env) => createZlibModule(env.defer),
};

/** Names of the Node core modules a hook can require (also as `node:name`). */
export const BUILTIN_MODULES: readonly string[] = Object.keys(FACTORIES);

/** A fresh instance of the builtin, or undefined if Hookpad does not provide it. */
export function loadBuiltin(name: string, env: BuiltinEnvironment): unknown {
  const factory = Object.hasOwn(FACTORIES, name) ? FACTORIES[name] : undefined;
  return factory?.(env);
}
