import type { CodeLocation, ModuleRequest } from './schemas';
import { BUILTIN_MODULES, coreModuleName, loadBuiltin } from './node/builtinModules';
import type { BuiltinEnvironment } from './node/builtinModules';
import { locateInStack } from './hookLocator';

/**
 * The hook's `require`. Hooks pin versions inline (`require('lodash@4.17.21')`); the version
 * is stripped to find the module and kept for display (Part A §9). Node core modules come
 * from browser ports; further modules (mocks) can be added as resolvers one at a time;
 * anything else fails with a clear error rather than silently returning a stub.
 */

export interface ModuleSpecifier {
  /** The module name without a version, e.g. "lodash" or "@scope/pkg". */
  name: string;
  /** The pinned version, e.g. "4.17.21", if the specifier had one. */
  version?: string;
  /** The specifier exactly as the hook wrote it. */
  specifier: string;
}

/** Returns the module's exports, or undefined when it does not know the module. */
export type ModuleResolver = (request: ModuleSpecifier) => { exports: unknown } | undefined;

export interface RequireOptions {
  /** What the built-in modules need from the run (deferred callbacks). */
  env: BuiltinEnvironment;
  /** Each distinct (name, version, kind) the hook requires, the first time it does. */
  onRequest?(request: ModuleRequest): void;
  /** A runtime warning with the line of the require call that caused it. */
  warn?(text: string, location: CodeLocation | undefined): void;
  resolvers?: readonly ModuleResolver[];
}

export function parseSpecifier(specifier: string): ModuleSpecifier {
  const scoped = specifier.startsWith('@');
  const at = specifier.indexOf('@', scoped ? 1 : 0);
  if (at <= 0) return { name: specifier, specifier };
  return { name: specifier.slice(0, at), version: specifier.slice(at + 1), specifier };
}

function notFound(message: string): Error {
  const error = new Error(message);
  (error as Error & { code: string }).code = 'MODULE_NOT_FOUND';
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

  /** The platform installs each pinned version; Hookpad has one copy, so say when it matters. */
  function checkVersion(name: string, version: string | undefined): void {
    if (version === undefined) return;
    const earlier = versions.get(name);
    if (earlier === undefined) return void versions.set(name, version);
    if (earlier === version) return;
    options.warn?.(
      `Module '${name}' is required at version ${version} here and at ${earlier} before; the platform would load both, Hookpad resolves one module for both`,
      locateInStack(new Error().stack),
    );
  }

  function resolve(request: ModuleSpecifier): unknown {
    const core = coreModuleName(request.name);
    if (core !== undefined) {
      if (!BUILTIN_MODULES.includes(core)) {
        record({ name: core, ...version(request), kind: 'missing' });
        throw notFound(`Node core module '${core}' is not available in Hookpad`);
      }
      record({ name: core, ...version(request), kind: 'builtin' });
      if (!cache.has(core)) cache.set(core, loadBuiltin(core, options.env));
      return cache.get(core);
    }
    if (cache.has(request.name)) {
      record({ name: request.name, ...version(request), kind: 'builtin' });
      return cache.get(request.name);
    }
    for (const resolver of options.resolvers ?? []) {
      const found = resolver(request);
      if (found) {
        record({ name: request.name, ...version(request), kind: 'builtin' });
        cache.set(request.name, found.exports);
        return found.exports;
      }
    }
    record({ name: request.name, ...version(request), kind: 'missing' });
    throw notFound(`Module '${request.name}' is not available in Hookpad`);
  }

  return function require(id: unknown): unknown {
    if (typeof id !== 'string') {
      throw new TypeError(`The "id" argument must be of type string. Received ${typeof id}`);
    }
    const request = parseSpecifier(id);
    checkVersion(request.name, request.version);
    return resolve(request);
  };
}

function version(request: ModuleSpecifier): { version?: string } {
  return request.version === undefined ? {} : { version: request.version };
}
