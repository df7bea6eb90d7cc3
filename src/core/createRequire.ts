import { parseSpecifier, type ModuleSpecifier } from './moduleSpecifier';
import type { CodeLocation, ModuleRequest } from './schemas';
import { BUILTIN_MODULES, loadBuiltin } from './node/builtinModules';
import { coreModuleName } from './node/coreModuleNames';
import type { BuiltinEnvironment } from './node/builtinModules';
import { locateInStack } from './hookLocator';
import type { PackageLoader } from './commonjs/createPackageLoader';

/**
 * The hook's `require`. Hooks pin versions inline (`require('lodash@4.17.21')`); the version is
 * stripped to find the module and kept for display (docs/runtime-semantics.md §10). Node core
 * modules come from browser ports; an npm name is a module mock, an auto-mock, a stored
 * package's real code (§10.1) or one of Hookpad's clients, in that order; further modules can be
 * added as resolvers one at a time; anything else fails with a clear error rather than silently
 * returning a stub.
 */

/** Returns the module's exports, or undefined when it does not know the module. */
export type ModuleResolver = (request: ModuleSpecifier) => { exports: unknown } | undefined;

export type ModuleKind = ModuleRequest['kind'];

/** Module mocks and auto-mocks: they win over Hookpad's clients for npm module names. */
export interface ModuleSubstituter {
  /** `require` is the one the mock's own code gets (it sees past the mock's own name). */
  resolve(
    name: string,
    require: (id: unknown) => unknown,
  ): { exports: unknown; kind: 'mock' | 'auto-mock' } | undefined;
}

export interface RequireOptions {
  /** What the built-in modules need from the run (deferred callbacks). */
  env: BuiltinEnvironment;
  /** Each distinct (name, version, kind) the hook requires, the first time it does. */
  onRequest?(request: ModuleRequest): void;
  /** A runtime warning with the line of the require call that caused it. */
  warn?(text: string, location: CodeLocation | undefined): void;
  resolvers?: readonly ModuleResolver[];
  /**
   * Hookpad's network clients by module name ('http', 'https', 'axios'…), built on demand with
   * the version the first require pinned (`got@9.6.0`), which decides what the hook sees.
   */
  clients?: Readonly<Record<string, (version?: string) => unknown>>;
  substitutes?: ModuleSubstituter;
  /** Stored npm packages: after mocks and auto-mocks, before Hookpad's clients. */
  packages?: PackageLoader;
}

/** How to get past a missing npm module in Hookpad (the UI offers both). */
export { parseSpecifier, type ModuleSpecifier };

export const MODULE_FIX_HINT = 'add a module mock or choose Auto-mock for it';

function notFound(message: string, hookpadModule?: string): Error {
  const error = new Error(message);
  (error as Error & { code: string }).code = 'MODULE_NOT_FOUND';
  if (hookpadModule !== undefined) {
    (error as Error & { hookpadModule: string }).hookpadModule = hookpadModule;
  }
  return error;
}

export function createRequire(options: RequireOptions): (id: unknown) => unknown {
  const cache = new Map<string, unknown>();
  const seen = new Set<string>();
  const versions = new Map<string, string>();

  function record(request: ModuleRequest): void {
    const key = JSON.stringify([request.name, request.version ?? null, request.kind]);
    if (seen.has(key)) return;
    seen.add(key);
    options.onRequest?.(request);
  }

  /**
   * The platform installs each pinned version; Hookpad has one copy (a mock, a client), so say
   * when it matters. Stored packages held at both versions do load both.
   */
  function checkVersion(name: string, version: string | undefined): void {
    if (version === undefined) return;
    const earlier = versions.get(name);
    if (earlier === undefined) return void versions.set(name, version);
    if (earlier === version) return;
    if (options.packages?.holds(name, earlier) && options.packages.holds(name, version)) return;
    options.warn?.(
      `Module '${name}' is required at version ${version} here and at ${earlier} before; the platform would load both, Hookpad resolves one module for both`,
      locateInStack(new Error().stack),
    );
  }

  const clientCache = new Map<string, unknown>();

  function client(name: string, pinned?: string): unknown {
    if (!clientCache.has(name)) clientCache.set(name, options.clients?.[name]?.(pinned));
    return clientCache.get(name);
  }

  function hasClient(name: string): boolean {
    return options.clients !== undefined && Object.hasOwn(options.clients, name);
  }

  /**
   * `shouldRecord` false: a module mock's own require (not the hook's dependencies).
   * `past`: the mock whose own name resolves past it, to the stored package or Hookpad's client.
   * `withPackages` false: a stored package's own require, whose tree was searched already.
   */
  function resolve(
    request: ModuleSpecifier,
    shouldRecord: boolean,
    past?: string,
    withPackages = true,
  ): unknown {
    const note = (kind: Exclude<ModuleKind, 'package'>) => {
      if (shouldRecord) record({ name: core ?? request.name, ...version(request), kind });
    };
    const core = coreModuleName(request.name);
    if (core !== undefined) {
      if (BUILTIN_MODULES.includes(core)) {
        note('builtin');
        if (!cache.has(core)) cache.set(core, loadBuiltin(core, options.env));
        return cache.get(core);
      }
      if (hasClient(core)) {
        note('client');
        return client(core);
      }
      note('missing');
      throw notFound(`Node core module '${core}' is not available in Hookpad`);
    }
    const name = request.name;
    if (name !== past) {
      const substitute = options.substitutes?.resolve(name, mockRequire(name));
      if (substitute) {
        note(substitute.kind);
        return substitute.exports;
      }
    }
    const split = splitSubpath(name);
    if (split && split.root !== past) {
      const substitute = options.substitutes?.resolve(split.root, mockRequire(split.root));
      if (substitute) {
        note(substitute.kind);
        return subpathOf(substitute.exports, split.subpath);
      }
    }
    const stored = withPackages
      ? options.packages?.requireFromHook(name, request.version, packageDelegate)
      : undefined;
    if (stored) {
      const installed = stored.installed.version;
      if (shouldRecord) record({ name, ...version(request), kind: 'package', installed });
      return stored.exports;
    }
    if (hasClient(name)) {
      note('client');
      return client(name, request.version);
    }
    if (cache.has(name)) {
      note('builtin');
      return cache.get(name);
    }
    for (const resolver of options.resolvers ?? []) {
      const found = resolver(request);
      if (found) {
        note('builtin');
        cache.set(name, found.exports);
        return found.exports;
      }
    }
    note('missing');
    // A mock of the package covers its subpaths, so the package is what to mock.
    const missing = split?.root ?? name;
    throw notFound(`Module '${name}' is not available in Hookpad — ${MODULE_FIX_HINT}`, missing);
  }

  /** A package's way to built-ins, mocks and clients: its own tree was searched already. */
  function packageDelegate(id: string): unknown {
    return resolve(parseSpecifier(id), false, undefined, false);
  }

  function mockRequire(mockName: string): (id: unknown) => unknown {
    return (id) => resolve(parseId(id), false, mockName);
  }

  return function require(id: unknown): unknown {
    const request = parseId(id);
    checkVersion(request.name, request.version);
    return resolve(request, true);
  };
}

/** `lodash/get` → lodash + get; `@scope/pkg/a/b` → @scope/pkg + a/b; no subpath → undefined. */
export function splitSubpath(name: string): { root: string; subpath: string } | undefined {
  const parts = name.split('/');
  const rootLength = name.startsWith('@') ? 2 : 1;
  if (parts.length <= rootLength || parts.slice(rootLength).join('/') === '') return undefined;
  return { root: parts.slice(0, rootLength).join('/'), subpath: parts.slice(rootLength).join('/') };
}

/**
 * What a package's module mock answers for one of its subpaths (docs/runtime-semantics.md §10):
 * `lodash/get` is the mock's own `get` when it has one, else the mock itself (the subpath is
 * usually the same API, e.g. `twilio/lib/rest/Twilio`).
 */
function subpathOf(exports: unknown, subpath: string): unknown {
  const holder = typeof exports === 'object' || typeof exports === 'function';
  if (holder && exports !== null && !subpath.includes('/') && Object.hasOwn(exports, subpath)) {
    return (exports as Record<string, unknown>)[subpath];
  }
  return exports;
}

function parseId(id: unknown): ModuleSpecifier {
  if (typeof id !== 'string') {
    throw new TypeError(`The "id" argument must be of type string. Received ${typeof id}`);
  }
  return parseSpecifier(id);
}

function version(request: ModuleSpecifier): { version?: string } {
  return request.version === undefined ? {} : { version: request.version };
}
