import {
  HOST_NAMES,
  buildModuleFactory,
  isWholeBody,
  type HostName,
  type ModuleFunction,
  type ModuleWrapper,
} from '../buildModuleFactory';
import { NODE_CORE_MODULES } from '../node/coreModuleNames';
import { describeThrown, isPackageError, packageError } from './packageErrors';
import { packageLabel, type InstalledPackage, type PackageIndex } from './packageTree';
import { resolvePackageModule, resolvePinnedPackage } from './resolvePackageModule';
import { absoluteTreePath, splitPackageRequest, treeDirname } from './treePath';

// Runs stored packages' files as Node runs CommonJS: each file once per loader (so once per
// worker), in a sloppy-mode wrapper with module, exports, require, __filename and __dirname,
// `this` being module.exports, and the same globals as the hook. A file is cached before it
// runs, so a require cycle gets the partial exports; a file whose top level throws is
// dropped from the cache, as Node does, and a later require runs it again.

export type HostBindings = Record<HostName, unknown>;

/**
 * How a package's code reaches what is not in its tree: Node core modules and, for names no
 * stored package provides, the hook's way (module mocks, Hookpad's clients). The hook's own
 * require, minus stored packages and minus recording.
 */
export type RequireDelegate = (id: string) => unknown;

export interface LoadedPackage {
  exports: unknown;
  /** The copy that ran (its version is what the Dependencies region shows). */
  installed: InstalledPackage;
}

export interface PackageLoader {
  /**
   * The hook's `require(name)` or `require('name@version')` (a subpath too: `lodash/get`),
   * resolved from the tree's root; undefined when the tree does not hold it (at that version).
   */
  requireFromHook(
    name: string,
    version: string | undefined,
    delegate: RequireDelegate,
  ): LoadedPackage | undefined;
  /** Whether the tree holds the package `name` (a subpath too) at exactly `version`. */
  holds(name: string, version: string): boolean;
}

// Node's core modules with a slash in their name; any other `util/x` is an npm path.
const CORE_SUBPATHS = [
  'assert/strict',
  'dns/promises',
  'fs/promises',
  'inspector/promises',
  'path/posix',
  'path/win32',
  'readline/promises',
  'stream/consumers',
  'stream/promises',
  'stream/web',
  'timers/promises',
  'util/types',
];

/** Whether Node would load a core module for this id (`buffer/` is the npm package). */
function isNodeCore(id: string): boolean {
  return id.startsWith('node:') || NODE_CORE_MODULES.includes(id) || CORE_SUBPATHS.includes(id);
}

function isRelativeOrInternal(id: string): boolean {
  return /^(\.\.?(\/|$)|\/|#)/.test(id);
}

interface PackageModule {
  id: string;
  filename: string;
  path: string;
  exports: unknown;
  loaded: boolean;
  require: (id: unknown) => unknown;
}

// A path is safe in the sourceURL comment (the tree's schema refuses control characters);
// the prefix keeps package frames apart from the hook's and the mocks'.
const sourceURL = (path: string) => `hookpad-packages/${path}`;

export function createPackageLoader(index: PackageIndex, host: HostBindings): PackageLoader {
  const cache = new Map<string, PackageModule>();
  const hostValues = HOST_NAMES.map((name) => host[name]);

  function labelFor(path: string): string {
    const installed = index.packageOf(path);
    return installed === undefined ? path : packageLabel(installed);
  }

  function load(path: string, delegate: RequireDelegate): unknown {
    const cached = cache.get(path);
    if (cached !== undefined) return cached.exports;
    const text = index.files.get(path);
    if (text === undefined) {
      throw packageError('MODULE_NOT_FOUND', `Cannot find module '${absoluteTreePath(path)}'`);
    }
    const module: PackageModule = {
      id: absoluteTreePath(path),
      filename: absoluteTreePath(path),
      path: absoluteTreePath(treeDirname(path)),
      exports: {},
      loaded: false,
      require: requireFrom(path, delegate),
    };
    cache.set(path, module);
    try {
      if (path.endsWith('.json')) module.exports = parseJson(path, text);
      else evaluate(path, text, module);
    } catch (error) {
      cache.delete(path);
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  function parseJson(path: string, text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw packageError(
        'ERR_PACKAGE_LOAD',
        `Package '${labelFor(path)}' has a JSON file that does not parse, ${path}: ${describeThrown(error)}`,
        error,
      );
    }
  }

  function refuseUnrunnable(path: string): void {
    const installed = index.packageOf(path);
    const type = installed === undefined ? undefined : index.manifest(installed.root)?.type;
    if (path.endsWith('.mjs') || (type === 'module' && path.endsWith('.js'))) {
      throw packageError(
        'ERR_REQUIRE_ESM',
        `Package '${labelFor(path)}' is an ES module (${path}): require() cannot load it, as in Node 18; mock the package instead`,
      );
    }
    if (path.endsWith('.node')) {
      throw packageError(
        'ERR_PACKAGE_LOAD',
        `Package '${labelFor(path)}' needs a native addon (${path}), which Hookpad cannot run; mock the package instead`,
      );
    }
  }

  function evaluate(path: string, code: string, module: PackageModule): void {
    refuseUnrunnable(path);
    const wrapper: ModuleWrapper = {
      parameters: ['module', 'exports', 'require', '__filename', '__dirname'],
      sourceURL: sourceURL(path),
    };
    let moduleFunction: ModuleFunction | undefined;
    let compileError: unknown;
    try {
      moduleFunction = buildModuleFactory('', code, wrapper)(...hostValues);
    } catch (error) {
      compileError = error;
    }
    if (moduleFunction === undefined || !isWholeBody(moduleFunction, '', code, wrapper)) {
      const why = compileError ?? new SyntaxError("Unexpected token '}'");
      throw packageError(
        'ERR_PACKAGE_LOAD',
        `Package '${labelFor(path)}' does not compile, ${path}: ${describeThrown(why)}`,
        why,
      );
    }
    try {
      moduleFunction.call(
        module.exports,
        module,
        module.exports,
        module.require,
        module.filename,
        module.path,
      );
    } catch (error) {
      if (isPackageError(error)) throw error;
      throw packageError(
        'ERR_PACKAGE_LOAD',
        `Package '${labelFor(path)}' threw while loading ${path}: ${describeThrown(error)}`,
        error,
      );
    }
  }

  function requireFrom(file: string, delegate: RequireDelegate) {
    const from = treeDirname(file);
    const label = () => labelFor(file);

    function requireCore(id: string): unknown {
      try {
        return delegate(id);
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== 'MODULE_NOT_FOUND') throw error;
        const name = id.startsWith('node:') ? id.slice('node:'.length) : id;
        throw packageError(
          'MODULE_NOT_FOUND',
          `Package '${label()}' requires the Node module '${name}', which Hookpad does not provide; mock the package instead`,
        );
      }
    }

    function notFound(id: string): Error {
      return packageError(
        'MODULE_NOT_FOUND',
        `Cannot find module '${id}' required by ${file} (package ${label()})`,
      );
    }

    function require(id: unknown): unknown {
      const request = checkId(id);
      if (isNodeCore(request)) return requireCore(request);
      const resolved = resolvePackageModule(index, request, from);
      if (resolved !== undefined) return load(resolved.path, delegate);
      if (isRelativeOrInternal(request)) throw notFound(request);
      try {
        return delegate(request);
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code !== 'MODULE_NOT_FOUND') throw error;
        throw packageError(
          'MODULE_NOT_FOUND',
          `Cannot find module '${request}' required by ${file} (package ${label()}): no stored package provides it`,
        );
      }
    }

    require.resolve = (id: unknown): string => {
      const request = checkId(id);
      if (isNodeCore(request)) return request;
      const resolved = resolvePackageModule(index, request, from);
      if (resolved === undefined) throw notFound(request);
      return absoluteTreePath(resolved.path);
    };
    return require;
  }

  return {
    holds(name, version) {
      const split = splitPackageRequest(name);
      const copies = split === undefined ? undefined : index.packages.get(split.name);
      return copies?.some((copy) => copy.version === version) ?? false;
    },
    requireFromHook(name, version, delegate) {
      if (version !== undefined) {
        const pinned = resolvePinnedPackage(index, name, version);
        if (pinned === undefined) return undefined;
        return { exports: load(pinned.file.path, delegate), installed: pinned.installed };
      }
      const resolved = resolvePackageModule(index, name, '');
      const installed = resolved === undefined ? undefined : index.packageOf(resolved.path);
      if (resolved === undefined || installed === undefined) return undefined;
      return { exports: load(resolved.path, delegate), installed };
    },
  };
}

function checkId(id: unknown): string {
  if (typeof id !== 'string') {
    throw new TypeError(`The "id" argument must be of type string. Received ${typeof id}`);
  }
  if (id === '') throw new TypeError("The argument 'id' must be a non-empty string. Received ''");
  return id;
}
