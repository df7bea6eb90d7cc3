import { ACTION_EXPORTS_GLOBAL } from '../core/actions/actionTypings';

/**
 * Declarations of what a hook finds in its scope, for completions and hovers in the code
 * editor. They describe Hookpad's runtime (docs/runtime-semantics.md §4); the sandbox provides the
 * values. Hooks are CommonJS modules without the DOM, so the DOM library is left out.
 * What depends on the hook's point (`module.exports`' parameters, the point's error
 * classes) is declared per hook by core/pointTypings (editor/syncPointTypings); `require`
 * in moduleTypings.ts. `exports` is open to every name; an Action's typings add its handler
 * to it (core/actions/actionTypings).
 */
export const HOOK_GLOBALS_TYPINGS = `
${ACTION_EXPORTS_GLOBAL}

interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
}
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function clearTimeout(id: any): void;
declare function setInterval(handler: (...args: any[]) => void, ms?: number, ...args: any[]): any;
declare function clearInterval(id: any): void;
declare function setImmediate(handler: (...args: any[]) => void, ...args: any[]): any;

/** An error whose message the platform may show to the end user. */
declare class ExtensibilityUserError extends Error {
  constructor(message?: string);
}
`;
