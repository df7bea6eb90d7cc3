import { availableParallelism } from 'node:os';

import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, findChromium } from './support/chromium.mjs';
import { APP_PORT as PORT, ECHO_PORT } from './support/ports.mjs';

/** Each port builds into its own folder, so two runs on one machine do not collide. */
const OUT_DIR = `node_modules/.hookpad-e2e/${PORT}`;

/**
 * Nothing leaves the machine: every host but the local ones (IP literals included) resolves
 * to "not found" inside Chromium, so the suite needs no request interception (the fixture in
 * support/app.ts records what a page tried).
 */
const OFFLINE_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/**
 * A journey keeps about two CPUs busy: the page's main thread, Chromium's raster and compile
 * threads, and the app's workers (sandbox, TypeScript). On a 2-CPU machine two journeys side by
 * side each took twice as long, and 32 journeys finished in the same 3.4 min with 1 worker as
 * with 2 (README, Tests), so one journey runs per two CPUs.
 */
const WORKERS = Math.max(1, Math.floor(availableParallelism() / 2));

/** Journeys that assert the page answers a click within a time limit. */
const RESPONSIVENESS = /hostile-(inputs|results)\.spec\.ts$/;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: WORKERS,
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
      // A smaller JavaScript heap makes the out-of-memory journey reach its crash in seconds
      // (sandbox.spec.ts); every page of the app stays far below it.
      args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS, '--js-flags=--max-old-space-size=512'],
    },
    permissions: ['clipboard-read', 'clipboard-write'],
    trace: 'off',
    serviceWorkers: 'block', // only offline.spec.ts installs the app's worker and its precache
  },
  projects: [
    { name: 'journeys', testIgnore: RESPONSIVENESS },
    // The journeys that time the page's answer to a click (2 s under a 20 MB result, 200 mocks…)
    // run last and one at a time: next to another journey on a 2-CPU machine they timed the
    // other browser's work, not Hookpad's.
    { name: 'responsiveness', testMatch: RESPONSIVENESS, dependencies: ['journeys'], workers: 1 },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort --host 127.0.0.1`,
      cwd: '..',
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // What a hook reaches with "Allow network" (sandbox-network.spec.ts).
      command: `node support/echoServer.mjs ${ECHO_PORT}`,
      url: `http://127.0.0.1:${ECHO_PORT}/hits`,
      reuseExistingServer: false,
    },
  ],
});
