// The virtual module produced by the `hookpad-sandbox` plugin in vite.config.ts.

declare module 'virtual:hook-sandbox' {
  /** Self-contained IIFE bundled from src/sandbox/frame.ts, inlined into the iframe's srcdoc. */
  export const frameScript: string;
  /**
   * Self-contained IIFE bundled from src/sandbox/hook.worker.ts: the hook worker's script,
   * which the host hands to each frame as a Blob in its `init` message.
   */
  export const workerScript: string;
  /**
   * The hook worker's late modules, by name: CommonJS scripts the worker compiles when a hook
   * first needs them (src/sandbox/lateModules.ts, scripts/sandboxBundles.mjs).
   */
  export const lateModuleScripts: Readonly<Record<string, string>>;
}
