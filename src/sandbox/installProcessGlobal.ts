/**
 * The npm ports of Node's core modules (util in particular) read the global `process` while
 * they load, as bundlers used to provide it. A worker has none, so this minimal one is
 * installed first — hook.worker.ts imports this module before anything else. Hooks never
 * see it: their `process` is a fresh per-run object bound in their own scope.
 */
const scope = globalThis as { process?: unknown };
scope.process ??= {
  env: {},
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) =>
    queueMicrotask(() => callback(...args)),
};

export {};
