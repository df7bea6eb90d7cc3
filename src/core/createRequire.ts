/**
 * The hook's `require`. Hooks pin versions inline (`require('lodash@4.17.21')`); the version
 * is stripped to find the module and kept for display. Modules come from a small registry
 * of resolvers so built-ins and mocks can be added one at a time; anything else fails with
 * a clear error rather than silently returning a stub.
 */

export interface ModuleRequest {
  /** The module name without a version, e.g. "lodash" or "@scope/pkg". */
  name: string;
  /** The pinned version, e.g. "4.17.21", if the specifier had one. */
  version?: string;
  /** The specifier exactly as the hook wrote it. */
  specifier: string;
}

/** Returns the module's exports, or undefined when it does not know the module. */
export type ModuleResolver = (request: ModuleRequest) => { exports: unknown } | undefined;

export function parseSpecifier(specifier: string): ModuleRequest {
  const scoped = specifier.startsWith('@');
  const at = specifier.indexOf('@', scoped ? 1 : 0);
  if (at <= 0) return { name: specifier, specifier };
  return { name: specifier.slice(0, at), version: specifier.slice(at + 1), specifier };
}

export function createRequire(resolvers: readonly ModuleResolver[] = []): (id: unknown) => unknown {
  const cache = new Map<string, unknown>();
  return function require(id: unknown): unknown {
    if (typeof id !== 'string') {
      throw new TypeError(`The "id" argument must be of type string. Received ${typeof id}`);
    }
    const request = parseSpecifier(id);
    if (cache.has(request.name)) return cache.get(request.name);
    for (const resolve of resolvers) {
      const found = resolve(request);
      if (found) {
        cache.set(request.name, found.exports);
        return found.exports;
      }
    }
    const error = new Error(`Module '${request.name}' is not available in Hookpad`);
    (error as Error & { code: string }).code = 'MODULE_NOT_FOUND';
    throw error;
  };
}
