import type { ModuleMock } from '../networkSchemas';
import { HOST_NAMES, type HostName } from '../buildModuleFactory';

// A module mock's code, evaluated like the hook: sloppy-mode CommonJS with module, exports
// and require, and the same Node-like globals. Its frames are named `hookpad-mocks/<name>`
// (never `hook.js`), so locations still point at the hook's own lines.

export type HostBindings = Record<HostName, unknown>;

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function sourceName(name: string): string {
  return `hookpad-mocks/${name.replace(/[^\w@/-]/g, '_')}`;
}

export function moduleMockError(name: string, what: string, cause: unknown): Error {
  const error = new Error(`Module mock '${name}' ${what}: ${describe(cause)}`, { cause });
  (error as Error & { hookpadModule: string }).hookpadModule = name;
  return error;
}

/**
 * Evaluates the mock into `module` (created by the caller, so a require cycle sees the
 * partial exports, as in Node). Errors name the mock.
 */
export function evaluateModuleMock(
  mock: ModuleMock,
  module: { exports: unknown },
  host: HostBindings,
  require: (id: unknown) => unknown,
): void {
  let factory: (...values: unknown[]) => (...args: unknown[]) => unknown;
  try {
    factory = new Function(
      ...HOST_NAMES,
      'return function (module, exports, require, __filename, __dirname) {\n' +
        mock.code +
        `\n};\n//# sourceURL=${sourceName(mock.name)}`,
    ) as typeof factory;
  } catch (error) {
    throw moduleMockError(mock.name, 'does not compile', error);
  }
  try {
    const fn = factory(...HOST_NAMES.map((name) => host[name]));
    fn.call(module.exports, module, module.exports, require, `/mocks/${mock.name}.js`, '/mocks');
  } catch (error) {
    throw moduleMockError(mock.name, 'threw while loading', error);
  }
}
