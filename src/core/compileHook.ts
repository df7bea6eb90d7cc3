import type { SerializedError } from './schemas';
import { HOST_NAMES, buildModuleFactory, type HostName } from './buildModuleFactory';
import { preludeSource } from './preludeSource';
import { syntaxErrorLocation } from './syntaxErrorLocation';
import { serializeError } from './serializeError';

export type HostBindings = Record<HostName, unknown>;

export type CompiledHook = { ok: true; exports: unknown } | { ok: false; error: SerializedError };

/**
 * Evaluates a hook like the platform's compiler did: the prelude line, then the user's code,
 * as the body of a sloppy-mode `function (module, exports, require)`, called right away.
 * Both a parse error and an exception while the module's top level runs were compile
 * errors on the platform ("Unable to compile the extensibility code as javascript").
 */
export function compileHook(
  code: string,
  errorClasses: readonly string[],
  host: HostBindings,
  require: (id: unknown) => unknown,
): CompiledHook {
  const prelude = preludeSource(errorClasses);

  // The platform's exact construction, parsed only: V8 rejects a body that does not stand
  // alone (e.g. one that closes the wrapper early) and a redeclared prelude class, with the
  // same messages the platform reported.
  try {
    new Function('module', 'exports', 'require', prelude + '\n' + code);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const name = error instanceof Error ? error.name : 'SyntaxError';
    const location = syntaxErrorLocation(prelude, code);
    return { ok: false, error: { name, message, ...(location ? { location } : {}) } };
  }

  const module = { exports: {} as unknown };
  try {
    const factory = buildModuleFactory(prelude, code);
    const moduleFunction = factory(...HOST_NAMES.map((name) => host[name]));
    moduleFunction.call(undefined, module, module.exports, require);
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
  return { ok: true, exports: module.exports };
}
