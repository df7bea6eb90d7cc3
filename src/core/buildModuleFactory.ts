// Builds the function that evaluates a hook as a sloppy-mode CommonJS module.
//
// Two nested scopes: the outer one binds the host shims (console, timers, process, Buffer,
// global) the way Node's globals are seen — so a hook may still declare `let console` — and the
// inner one is the module wrapper `(module, exports, require)` whose body is the prelude
// line followed by the user's code, as the platform's compiler built it.
//
// The outer body returns before anything else runs and the wrapper is a declaration after
// it: code that closes the wrapper early (`}; …; function x() {`) compiles here, but none of
// it can run when the factory is called, and `isWholeBody` then sees that the wrapper's
// source is not all of it. So one compile both checks and builds the module (compileModule).

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

export type ModuleFunction = (
  module: unknown,
  exports: unknown,
  require: unknown,
  ...rest: unknown[]
) => unknown;

/**
 * The wrapper's parameters and the name its frames carry. The hook's is the platform's
 * `(module, exports, require)` named `hook.js`; a stored package's file gets Node's
 * `__filename` and `__dirname` too, and its own name, so its frames never read as the hook's.
 */
export interface ModuleWrapper {
  parameters: readonly string[];
  sourceURL: string;
}

export const HOOK_WRAPPER: ModuleWrapper = {
  parameters: ['module', 'exports', 'require'],
  sourceURL: 'hook.js',
};

/** The wrapper's name, seen in stack frames of the module's top level. */
const WRAPPER = 'hookpadModule';

// Captured before any user code runs: a hook or module mock could replace it later.
const functionSource = Function.prototype.toString;

function wrapperSource(prelude: string, code: string, wrapper: ModuleWrapper): string {
  return `function ${WRAPPER}(${wrapper.parameters.join(', ')}) {\n${prelude}\n${code}\n}`;
}

/**
 * Compiles the module once. One line precedes the prelude line (after the Function's own
 * header), as with the platform's single wrapper line, so hookLocator's offset holds.
 */
export function buildModuleFactory(
  prelude: string,
  code: string,
  wrapper: ModuleWrapper = HOOK_WRAPPER,
): (...hostValues: unknown[]) => ModuleFunction {
  const source = wrapperSource(prelude, code, wrapper);
  const body = `return ${WRAPPER}; ${source}\n//# sourceURL=${wrapper.sourceURL}`;
  return new Function(...HOST_NAMES, body) as (...hostValues: unknown[]) => ModuleFunction;
}

/**
 * Whether the module function is the whole of `prelude + '\n' + code` as one function
 * body, as the platform's `new Function('module', 'exports', 'require', body)` required.
 */
export function isWholeBody(
  moduleFunction: ModuleFunction,
  prelude: string,
  code: string,
  wrapper: ModuleWrapper = HOOK_WRAPPER,
) {
  return functionSource.call(moduleFunction) === wrapperSource(prelude, code, wrapper);
}
