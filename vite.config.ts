/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { rolldown } from 'rolldown';
import { fileURLToPath } from 'node:url';

const FRAME_ENTRY = fileURLToPath(new URL('./src/sandbox/frame.ts', import.meta.url));
const WORKER_ENTRY = fileURLToPath(new URL('./src/sandbox/hook.worker.ts', import.meta.url));
const SANDBOX_ID = 'virtual:hook-sandbox';
const WORKER_SOURCE_ID = 'virtual:hook-worker-source';

/**
 * The sandbox iframe has an opaque origin and a CSP without network access, so it cannot
 * load scripts from the app's server. Its code (and the worker's code, nested inside it as
 * a string) is therefore bundled into self-contained IIFE strings that the host inlines
 * into the iframe's srcdoc. The same happens in dev and in the production build.
 */
function hookSandbox(): Plugin {
  let minify = false;
  async function bundle(input: string, virtualModules: Record<string, string>) {
    const build = await rolldown({
      input,
      platform: 'browser',
      logLevel: 'warn',
      plugins: [
        {
          name: 'hookpad-sandbox-virtuals',
          resolveId: (id) => (id in virtualModules ? `\0${id}` : null),
          load: (id) => (id.startsWith('\0') ? virtualModules[id.slice(1)] : null),
        },
      ],
    });
    const { output } = await build.generate({ format: 'iife', minify });
    await build.close();
    const chunk = output[0];
    return { code: chunk.code, files: Object.keys(chunk.modules) };
  }
  return {
    name: 'hookpad-sandbox',
    configResolved(config) {
      minify = config.command === 'build';
    },
    resolveId: {
      filter: { id: new RegExp(`^${SANDBOX_ID}$`) },
      handler: () => `\0${SANDBOX_ID}`,
    },
    load: {
      filter: { id: new RegExp(`^\0${SANDBOX_ID}$`) },
      async handler() {
        const worker = await bundle(WORKER_ENTRY, {});
        const frame = await bundle(FRAME_ENTRY, {
          [WORKER_SOURCE_ID]: `export default ${JSON.stringify(worker.code)};`,
        });
        for (const file of [...worker.files, ...frame.files]) {
          if (!file.startsWith('\0') && !file.includes('node_modules')) this.addWatchFile(file);
        }
        return `export const frameScript = ${JSON.stringify(frame.code)};`;
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), hookSandbox()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    // Monaco makes the build spend its time in plugins; the report of it is only noise.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
