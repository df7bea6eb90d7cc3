import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, findChromium } from './support/chromium.mjs';

/** HOOKPAD_E2E_PORT lets two runs share a machine; each builds into its own folder. */
const PORT = Number(process.env.HOOKPAD_E2E_PORT ?? 4174);
const OUT_DIR = `node_modules/.hookpad-e2e/${PORT}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'off',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort --host 127.0.0.1`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    // The preview server then also answers the sandbox network test's echo endpoint.
    env: { HOOKPAD_E2E_ECHO: '1' },
    timeout: 180_000,
  },
});
