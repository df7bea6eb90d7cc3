import type { SerializedError } from './schemas';
import { HOST_NAMES, buildModuleFactory, isWholeBody, type HostName } from './buildModuleFactory';
import { syntaxErrorLocation } from './syntaxErrorLocation';
import { serializeError } from './serializeError';

export type HostBindings = Record<HostName, unknown>;

export type CompiledHook = { ok: true; exports: unknown } | { ok: false; error: SerializedError };

/**
 * Evaluates `prelude + '\n' + code` as the body of a sloppy-mode
 * `function (module, exports, require)`, called right away, compiling it once. Both a parse
 * error and an exception while the module's top level runs fail to compile.
 */
export function compileModule(
  prelude: string,
  code: string,
  host: HostBindings,
  require: (id: unknown) => unknown,
): CompiledHook {
  let moduleFunction: ReturnType<ReturnType<typeof buildModuleFactory>>;
  try {
    moduleFunction = buildModuleFactory(prelude, code)(...HOST_NAMES.map((name) => host[name]));
  } catch (error) {
    return { ok: false, error: syntaxError(prelude, code, error) };
  }
  if (!isWholeBody(moduleFunction, prelude, code)) {
    return {
      ok: false,
      error: syntaxError(prelude, code, new SyntaxError("Unexpected token '}'")),
    };
  }
  const module = { exports: {} as unknown };
  try {
    moduleFunction.call(undefined, module, module.exports, require);
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
  return { ok: true, exports: module.exports };
}

/**
 * The error the platform reported for code that does not compile: V8's message for the
 * platform's exact construction (parsed again only on this failure path, since the nested
 * one can word it differently), located by acorn.
 */
function syntaxError(prelude: string, code: string, fallback: unknown): SerializedError {
  let error = fallback;
  try {
    new Function('module', 'exports', 'require', prelude + '\n' + code);
  } catch (platformError) {
    error = platformError;
  }
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : 'SyntaxError';
  const location = syntaxErrorLocation(prelude, code);
  return { name, message, ...(location ? { location } : {}) };
}
