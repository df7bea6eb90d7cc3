// Virtual modules produced by the `hookpad-sandbox` plugin in vite.config.ts.

declare module 'virtual:hook-sandbox' {
  /** Self-contained IIFE bundled from src/sandbox/frame.ts, to be inlined into the iframe's srcdoc. */
  export const frameScript: string;
}

declare module 'virtual:hook-worker-source' {
  /** Self-contained IIFE bundled from src/sandbox/hook.worker.ts; only frame.ts imports it. */
  const workerSource: string;
  export default workerSource;
}
