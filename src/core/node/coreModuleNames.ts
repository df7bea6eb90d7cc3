// The names of Node's core modules, apart from the ports Hookpad provides (builtinModules.ts):
// the page needs the names (dependencies, the port to Actions) without the ports' ~440 KB.

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
