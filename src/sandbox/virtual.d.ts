// The virtual module produced by the `hookpad-sandbox` plugin in vite.config.ts.

declare module 'virtual:hook-sandbox' {
  /** Self-contained IIFE bundled from src/sandbox/frame.ts, inlined into the iframe's srcdoc. */
  export const frameScript: string;
  /**
   * Where the app serves the hook worker's script: a self-contained IIFE bundled from
   * src/sandbox/hook.worker.ts, which the host fetches and hands to each frame as a Blob in
   * its `init` message.
   */
  export const workerScriptUrl: string;
  /**
   * Where the app serves the hook worker's late modules, one after the other in one file:
   * CommonJS scripts the worker compiles when a hook first needs them
   * (src/sandbox/lateModules.ts).
   */
  export const lateModulesUrl: string;
  /** Each late module's place in that file, by name: [start, end) in bytes. */
  export const lateModuleRanges: Readonly<Record<string, readonly [number, number]>>;
}

// The same scripts as text, for the unit tests (nothing in the app imports this).
declare module 'virtual:hook-sandbox-sources' {
  export const workerScript: string;
  export const lateModuleScripts: Readonly<Record<string, string>>;
}
