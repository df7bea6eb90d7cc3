// Builds the function that evaluates a hook as a sloppy-mode CommonJS module.
//
// Two nested scopes: the outer one binds the host shims (console, timers, process, Buffer,
// global) the way Node's globals are seen — so a hook may still declare `let console` — and the
// inner one is the module wrapper `(module, exports, require)` whose body is the prelude
// line followed by the user's code, as the platform's compiler built it. Callers must have
// checked that `prelude + '\n' + code` is a valid function body (see compileHook), which
// also rules out code that would close the wrapper early.

/** Names the outer scope binds, in parameter order. */
export const HOST_NAMES = [
  'console',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'process',
  'Buffer',
  'global',
  'fetch',
] as const;

export type HostName = (typeof HOST_NAMES)[number];

export type ModuleFunction = (module: unknown, exports: unknown, require: unknown) => unknown;

export function buildModuleFactory(
  prelude: string,
  code: string,
): (...hostValues: unknown[]) => ModuleFunction {
  const body =
    'return function (module, exports, require) {\n' +
    prelude +
    '\n' +
    code +
    '\n};\n//# sourceURL=hook.js';
  return new Function(...HOST_NAMES, body) as (...hostValues: unknown[]) => ModuleFunction;
}
