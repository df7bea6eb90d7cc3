import * as bufferModule from 'buffer/';
import loadPorts from './loadPorts.cjs';
import { createCryptoModule, type CryptoEnvironment } from './createCryptoModule';

// Node core modules Hookpad provides (docs/runtime-semantics.md §10), as browser ports. Buffer and
// the hashes are part of the engine anyway; the other ports are loaded on first require (see
// loadPorts.cjs), and every module object a hook receives is built per run.

export type BuiltinEnvironment = CryptoEnvironment;

const FACTORIES: Record<string, (env: BuiltinEnvironment) => unknown> = {
  assert: loadPorts.assert,
  buffer: () => ({ ...bufferModule }),
  crypto: (env) => createCryptoModule(env),
  events: loadPorts.events,
  querystring: loadPorts.querystring,
  // Node's url also exports the WHATWG classes; the port predates them.
  url: () => ({ ...(loadPorts.url() as object), URL, URLSearchParams }),
  util: loadPorts.util,
};

/** Names of the Node core modules a hook can require (also as `node:name`). */
export const BUILTIN_MODULES: readonly string[] = Object.keys(FACTORIES);

/** Node 18's core modules: requiring one Hookpad lacks gets a message naming it. */
export const NODE_CORE_MODULES: readonly string[] = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'constants',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'domain',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'punycode',
  'querystring',
  'readline',
  'repl',
  'stream',
  'string_decoder',
  'sys',
  'timers',
  'tls',
  'trace_events',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'wasi',
  'worker_threads',
  'zlib',
];

/** `fs/promises`, `node:fs` → `fs`: the core module a specifier names, if it names one. */
export function coreModuleName(name: string): string | undefined {
  const bare = name.startsWith('node:') ? name.slice('node:'.length) : name;
  const root = bare.split('/')[0] ?? bare;
  if (name.startsWith('node:') || NODE_CORE_MODULES.includes(root)) return bare;
  return undefined;
}

/** A fresh instance of the builtin, or undefined if Hookpad does not provide it. */
export function loadBuiltin(name: string, env: BuiltinEnvironment): unknown {
  const factory = Object.hasOwn(FACTORIES, name) ? FACTORIES[name] : undefined;
  return factory?.(env);
}
