import { compileModule, type CompiledHook, type HostBindings } from './compileModule';
import { preludeSource } from './preludeSource';

export type { CompiledHook, HostBindings } from './compileModule';

/**
 * Evaluates a hook like the platform's compiler did: the prelude line, then the user's code,
 * as the body of a sloppy-mode `function (module, exports, require)`, called right away.
 * Both a parse error and an exception while the module's top level runs were compile
 * errors on the platform ("Unable to compile the extensibility code as javascript"); V8
 * rejects a body that does not stand alone (e.g. one that closes the wrapper early) and a
 * redeclared prelude class, with the same messages the platform reported.
 */
export function compileHook(
  code: string,
  errorClasses: readonly string[],
  host: HostBindings,
  require: (id: unknown) => unknown,
): CompiledHook {
  return compileModule(preludeSource(errorClasses), code, host, require);
}
