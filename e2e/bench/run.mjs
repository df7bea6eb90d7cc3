// `npm run bench`: builds Hookpad and a bare Monaco page the same way, drives both in
// headless Chromium and prints one JSON report (medians, p95 and ratios against baselines
// measured in the same run).
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BARE_ROOT = fileURLToPath(new URL('./bare', import.meta.url));
const APP_OUT = join(ROOT, 'dist');
const BARE_OUT = join(ROOT, 'node_modules/.tmp/bench-bare');
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const LOOPS = Number(process.env.BENCH_LOOPS ?? 5);
const RUN_ALL_TESTS = Number(process.env.BENCH_RUN_ALL_TESTS ?? 50);
const RUN_ALL_ROUNDS = Number(process.env.BENCH_RUN_ALL_ROUNDS ?? 5);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const log = (...a) => console.error('[bench]', ...a);

async function buildBoth() {
  log('building the app…');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: APP_OUT, manifest: true } });
  log('building the bare Monaco page…');
  await build({
    root: BARE_ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: [(await import('@vitejs/plugin-react')).default()],
    worker: { format: 'es' },
    build: { outDir: BARE_OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
}

/** JS bytes the app loads before Monaco (the entry and its static imports) vs. the rest. */
function bundleBytes() {
  const manifest = JSON.parse(readFileSync(join(APP_OUT, '.vite/manifest.json'), 'utf8'));
  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('index.html');
  const sizes = (files) =>
    files.reduce(
      (acc, file) => {
        const buf = readFileSync(join(APP_OUT, file));
        return { raw: acc.raw + buf.length, gzip: acc.gzip + gzipSync(buf).length };
      },
      { raw: 0, gzip: 0 },
    );
  const assets = readdirSync(join(APP_OUT, 'assets')).map((f) => `assets/${f}`);
  const js = assets.filter((f) => f.endsWith('.js'));
  const monacoCore = js.filter(
    (f) => !initial.has(f) && !/worker/i.test(f) && statSync(join(APP_OUT, f)).size > 500_000,
  );
  const workers = js.filter((f) => /worker/i.test(f));
  return {
    beforeMonaco: { files: [...initial].length, ...sizes([...initial]) },
    monaco: { files: monacoCore.length, ...sizes(monacoCore) },
    monacoWorkers: { files: workers.length, ...sizes(workers) },
    allJs: { files: js.length, ...sizes(js) },
  };
}

async function editorReady(browser, url, measureName) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext(); // cold cache every load
    const page = await context.newPage();
    await page.goto(url);
    const t = await page.waitForFunction(
      (name) => performance.getEntriesByName(name)[0]?.duration,
      measureName,
      { timeout: 30_000 },
    );
    times.push(await t.jsonValue());
    await context.close();
  }
  return times;
}

async function setCode(page, code) {
  await page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

const statusLocator = (page) =>
  page.getByRole('status').filter({
    hasText: /Press Ctrl\+Enter|Running|Succeeded|Failed|Denied|Timed out|Cancelled|crashed/,
  });

async function runOnce(page) {
  const before = await page.evaluate(() => performance.getEntriesByName('hookpad:run').length);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('hookpad:run').length > n, before);
  return page.evaluate(() => performance.getEntriesByName('hookpad:run').at(-1).duration);
}

async function runLatency(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor').waitFor();
  await page
    .getByRole('combobox', { name: 'Extensibility point' })
    .selectOption('post-change-password');
  await setCode(page, 'module.exports = function (user, context, cb) { cb(); };');
  for (let i = 0; i < 3; i++) await runOnce(page); // warm-up
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await runOnce(page));
    // A person does not press Run again within a quarter of a second of a result; by then
    // the standby worker has started and warmed up, which is what this measures.
    await page.waitForTimeout(250);
  }
  // Baseline in the same page: start a bare blob Web Worker and get its first message.
  const workerStarts = await page.evaluate(async (n) => {
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    const out = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const w = new Worker(url);
      await new Promise((resolve) => (w.onmessage = resolve));
      out.push(performance.now() - t0);
      w.terminate();
    }
    return out;
  }, RUNS);

  // How long after its timeout an infinite loop is stopped.
  await page.getByLabel('Timeout (ms)').fill('1000');
  await setCode(page, 'module.exports = function (user, context, cb) { while (true) {} };');
  const overshoot = [];
  for (let i = 0; i < LOOPS; i++) {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await statusLocator(page)
      .filter({ hasText: /Timed out after/ })
      .waitFor({ timeout: 15_000 });
    const text = await statusLocator(page).textContent();
    overshoot.push(Number(/Timed out after (\d+) ms/.exec(text)[1]) - 1000);
  }
  await context.close();
  return { runs, workerStarts, overshoot };
}

/** A workspace file with one hook and `count` passing tests, as the app exports it. */
function runAllWorkspace(count) {
  const code =
    'module.exports = function (user, context, cb) {\n  cb(null, { user: { user_metadata: { signedUpAs: user.email } } });\n};\n';
  const now = Date.now();
  const payloadOf = (email) => ({
    user: { tenant: 'my-tenant', username: 'user1', password: 'xxxxxxx', email },
    context: {
      requestLanguage: 'en-us',
      connection: { id: 'con_1', name: 'Username-Password-Authentication', tenant: 'my-tenant' },
    },
  });
  const tests = Array.from({ length: count }, (_, index) => ({
    id: `bench-test-${index + 1}`,
    name: `Signup ${index + 1}`,
    payloadText: JSON.stringify(payloadOf(`u${index}@example.com`)),
    expectations: {
      outcome: { status: 'succeeded' },
      response: { contains: { user: { user_metadata: { signedUpAs: `u${index}@example.com` } } } },
    },
  }));
  return {
    format: 'hookpad-workspace',
    version: 2,
    exportedAt: now,
    hooks: [
      {
        id: 'bench-run-all',
        name: 'Run all bench',
        pointId: 'pre-user-registration',
        enabled: false,
        draft: {
          code,
          payloadText: tests[0].payloadText,
          secrets: [],
          network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
          dependencies: {},
        },
        storage: {},
        versions: [],
        tests,
        createdAt: now,
        updatedAt: now,
        rev: 0,
      },
    ],
  };
}

/**
 * "Run all tests" on one hook with RUN_ALL_TESTS tests: the wall time from the click to the
 * summary, measured in the page (a MutationObserver, no polling), per round.
 */
async function runAll(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import hooks' });
  await dialog.getByLabel('Choose files').setInputFiles({
    name: 'bench-workspace.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(runAllWorkspace(RUN_ALL_TESTS))),
  });
  await dialog.getByRole('button', { name: 'Import 1 hook' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page
    .getByRole('navigation', { name: 'Hooks' })
    .getByRole('button', { name: 'Run all bench', exact: true })
    .click();
  const expected = `${RUN_ALL_TESTS} passed, 0 failed`;
  const batch = () =>
    page.evaluate(async (summary) => {
      const tests = document.querySelector(
        'section[aria-label="Tests"], [role=region][aria-label="Tests"]',
      );
      const scope = tests ?? document;
      const button = [...scope.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Run all tests',
      );
      if (!button) throw new Error('no "Run all tests" button');
      const done = () =>
        [...scope.querySelectorAll('[role=status]')].some((s) => s.textContent?.trim() === summary);
      return new Promise((resolve, reject) => {
        let started = false;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          // The summary of a previous batch may still show until this one starts.
          if (!started) started = !done();
          if (started && done()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(scope, { subtree: true, childList: true, characterData: true });
        const statuses = () =>
          [...scope.querySelectorAll('[role=status]')].map((s) => s.textContent).join(' | ');
        setTimeout(() => reject(new Error(`no "${summary}" within 120 s: ${statuses()}`)), 120_000);
        button.click();
      });
    }, expected);
  await batch(); // warm-up: sandboxes loaded
  const walls = [];
  for (let i = 0; i < RUN_ALL_ROUNDS; i++) {
    walls.push(await batch());
    await page.waitForTimeout(250);
  }
  await context.close();
  return walls;
}

async function main() {
  await buildBoth();
  const app = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { port: 4175, strictPort: true, host: '127.0.0.1' },
    build: { outDir: APP_OUT },
  });
  const bare = await preview({
    root: BARE_ROOT,
    configFile: false,
    logLevel: 'warn',
    preview: { port: 4176, strictPort: true, host: '127.0.0.1' },
    build: { outDir: BARE_OUT },
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    log(`editor-ready: ${LOADS} cold loads each…`);
    const appReady = await editorReady(browser, 'http://127.0.0.1:4175/', 'hookpad:editor-ready');
    const bareReady = await editorReady(browser, 'http://127.0.0.1:4176/', 'bare:editor-ready');
    log(`run latency: ${RUNS} runs…`);
    const { runs, workerStarts, overshoot } = await runLatency(browser, 'http://127.0.0.1:4175/');
    log(`run all: ${RUN_ALL_TESTS} tests of one hook, ${RUN_ALL_ROUNDS} rounds…`);
    const walls = await runAll(browser, 'http://127.0.0.1:4175/');
    const perTest = walls.map((wall) => wall / RUN_ALL_TESTS);
    const report = {
      machine: { cpus: (await import('node:os')).cpus().length, chromium: browser.version() },
      editorReadyMs: {
        hookpad: { median: round(median(appReady)), samples: appReady.length },
        bareMonaco: { median: round(median(bareReady)), samples: bareReady.length },
        ratio: round(median(appReady) / median(bareReady)),
      },
      runLatencyMs: {
        hookpad: { median: round(median(runs)), p95: round(p95(runs)), samples: runs.length },
        bareWorkerStart: {
          median: round(median(workerStarts)),
          p95: round(p95(workerStarts)),
          samples: workerStarts.length,
        },
        runLatencyRatio: round(median(runs) / median(workerStarts)),
      },
      // Several sandboxes at once: a test of a batch should cost less than a lone run.
      runAll: {
        tests: RUN_ALL_TESTS,
        wallMs: { median: round(median(walls)), samples: walls.length },
        perTestMs: { median: round(median(perTest)) },
        singleRunMs: { median: round(median(runs)) },
        perTestToSingleRunRatio: round(median(perTest) / median(runs)),
      },
      infiniteLoopStoppedAfterTimeoutMs: {
        median: median(overshoot),
        max: Math.max(...overshoot),
        samples: overshoot.length,
        timeoutMs: 1000,
      },
      bytes: bundleBytes(),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await browser.close();
    await new Promise((r) => app.httpServer.close(r));
    await new Promise((r) => bare.httpServer.close(r));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
