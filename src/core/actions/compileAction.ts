import { compileModule, type CompiledHook, type HostBindings } from '../compileModule';

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
  return compileModule('', code, host, require);
}
