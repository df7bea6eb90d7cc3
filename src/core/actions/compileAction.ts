import type { HostBindings, CompiledHook } from '../compileHook';
import { HOST_NAMES, buildModuleFactory } from '../buildModuleFactory';
import { syntaxErrorLocation } from '../syntaxErrorLocation';
import { serializeError } from '../serializeError';

/**
 * Evaluates an Action as a sloppy-mode CommonJS module, like a hook but with no prelude
 * classes (Actions have none): an empty prelude line keeps line numbers where the hook's
 * locator expects them. A parse error or a throw at the module's top level fails to compile.
 */
export function compileAction(
  code: string,
  host: HostBindings,
  require: (id: unknown) => unknown,
): CompiledHook {
  try {
    new Function('module', 'exports', 'require', '\n' + code);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const name = error instanceof Error ? error.name : 'SyntaxError';
    const location = syntaxErrorLocation('', code);
    return { ok: false, error: { name, message, ...(location ? { location } : {}) } };
  }
  const module = { exports: {} as unknown };
  try {
    const factory = buildModuleFactory('', code);
    factory(...HOST_NAMES.map((name) => host[name])).call(
      undefined,
      module,
      module.exports,
      require,
    );
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
  return { ok: true, exports: module.exports };
}
