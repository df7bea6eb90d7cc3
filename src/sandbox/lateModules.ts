/**
 * The hook worker's late modules: large packages (acorn, assert, axios, fflate, node-forge,
 * readable-stream, url) that are not part of the worker's script, so that a worker does not
 * compile them before every run. Each comes as a Blob of CommonJS (scripts/sandboxBundles.mjs)
 * and is compiled here when the engine first requires it; a run that never needs one never
 * pays for it. Only the worker's script uses this module: in Node (tests, command line) the
 * same requires load the packages directly.
 */
import * as bufferModule from 'buffer/';
import loadPorts from '../core/node/loadPorts.cjs';

/**
 * What a late module takes from the worker's script rather than a copy of its own, by the
 * names of SHARED_MODULES in scripts/sandboxBundles.mjs: a second Buffer or EventEmitter
 * would break `instanceof` between the two.
 */
export const SHARED: Readonly<Record<string, () => unknown>> = {
  'buffer/': () => bufferModule,
  'events/': loadPorts.events,
  'util/': loadPorts.util,
  'string_decoder/': loadPorts.stringDecoder,
};

/** A worker's synchronous Blob reader (the app's types are the page's, which lack it). */
type SyncReaderClass = new () => { readAsText(blob: Blob): string };

// Captured before any hook runs: the hook shares this global scope and may replace them.
const compile = Function;
const SyncReader = (globalThis as unknown as { FileReaderSync: SyncReaderClass }).FileReaderSync;
const hasOwn = Object.hasOwn;

let scripts: Readonly<Record<string, Blob>> = {};
const loaded = new Map<string, unknown>();

/** The late modules' scripts, as the frame hands them to the worker (`connect`). */
export function provideLateModules(blobs: Readonly<Record<string, Blob>>): void {
  scripts = blobs;
}

function requireShared(name: string): unknown {
  if (!hasOwn(SHARED, name))
    throw new Error(`A late module asked for ${name}, which is not shared`);
  return SHARED[name]!();
}

/** The late module's exports, compiled and evaluated on the first call. */
export function loadLateModule(name: string): unknown {
  if (loaded.has(name)) return loaded.get(name);
  const blob = hasOwn(scripts, name) ? scripts[name] : undefined;
  if (!blob) throw new Error(`The sandbox has no script for ${name}`);
  const source = new SyncReader().readAsText(blob);
  // A name of its own in stack traces: never `hook.js`, which locates the user's code.
  const factory = compile(
    'require',
    'module',
    'exports',
    `${source}\n//# sourceURL=hookpad-late/${name}.js`,
  ) as (require: (name: string) => unknown, module: { exports: unknown }, exports: unknown) => void;
  const module = { exports: {} as unknown };
  factory(requireShared, module, module.exports);
  loaded.set(name, module.exports);
  return module.exports;
}
