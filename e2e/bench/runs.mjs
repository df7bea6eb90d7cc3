// Runs in the app: latency of one run next to a bare worker start, an infinite loop's stop,
// and "Run all tests" on one hook with many tests.
import { runAllWorkspace } from './runAllWorkspace.mjs';

/** A person does not press Run again within a quarter of a second of a result. */
const PAUSE_MS = 250;

async function openApp(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor').waitFor();
  return { context, page };
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

/**
 * One run, from Run to its result rendered (the app's `hookpad:run` measure). The page is
 * told to keep the next measure before the click, and asked for it after: polling for it
 * (on every animation frame, Playwright's default) would add work to the app's page during
 * the run that the bare worker start does not have.
 */
async function runOnce(page) {
  await page.evaluate(() => {
    window.__nextRun = new Promise((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const run = list.getEntriesByName('hookpad:run')[0];
        if (!run) return;
        observer.disconnect();
        resolve(run.duration);
      });
      observer.observe({ type: 'measure' });
    });
  });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  return page.evaluate(() => window.__nextRun);
}

/** The baseline: start a bare blob Web Worker in the page and get its first message. */
function workerStart(page) {
  return page.evaluate(async () => {
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    const t0 = performance.now();
    const worker = new Worker(url);
    await new Promise((resolve) => (worker.onmessage = resolve));
    const ms = performance.now() - t0;
    worker.terminate();
    URL.revokeObjectURL(url);
    return ms;
  });
}

/**
 * One round of run latency in a fresh page: from Run to the result rendered, each run
 * preceded by a bare worker start in the same page (interleaved, so a noisy moment lands on
 * both sides). Runs are a quarter of a second apart: by then the standby worker has started
 * and warmed up, which is what this measures.
 */
export async function runLatencyRound(browser, url, count) {
  const { context, page } = await openApp(browser, url);
  try {
    await page
      .getByRole('combobox', { name: 'Extensibility point' })
      .selectOption('post-change-password');
    await setCode(page, 'module.exports = function (user, context, cb) { cb(); };');
    for (let i = 0; i < 3; i++) await runOnce(page); // warm-up
    const runs = [];
    const workerStarts = [];
    for (let i = 0; i < count; i++) {
      await page.waitForTimeout(PAUSE_MS);
      workerStarts.push(await workerStart(page));
      await page.waitForTimeout(100); // the bare worker's teardown is not the run's cost
      runs.push(await runOnce(page));
    }
    return { runs, workerStarts };
  } finally {
    await context.close();
  }
}

/** Runs `measure` on `url` in a page of a fresh browser context: a first visit. */
async function firstVisit(browser, url, measure) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await measure(page);
  } finally {
    await context.close();
  }
}

/**
 * The first Run of a first visit, clicked as soon as the hook editor is ready: what the run
 * costs while the sandbox is still cold (its code, its frame, its worker).
 */
export function firstRunSample(browser, url) {
  return firstVisit(browser, url, async (page) => {
    await page.waitForFunction(() => performance.getEntriesByName('hookpad:editor-ready').length);
    return runOnce(page);
  });
}

/**
 * Its baseline, on a first visit of the bare static page: the least a cold sandbox costs, an
 * opaque-origin iframe (sandbox="allow-scripts", srcdoc) that is handed a worker's script as
 * a Blob, starts that Web Worker and relays its first message, from the iframe's creation.
 */
export function bareColdSandboxSample(browser, url) {
  return firstVisit(browser, url, (page) => page.evaluate(coldSandbox));
}

/** In the page: a cold sandbox's start, in ms. */
function coldSandbox() {
  const frameScript = `addEventListener('message', (event) => {
    const worker = new Worker(URL.createObjectURL(event.data));
    worker.onmessage = () => parent.postMessage('up', '*');
  });`;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.srcdoc = `<script>${frameScript}</script>`;
    addEventListener('message', () => resolve(performance.now() - t0), { once: true });
    iframe.addEventListener('load', () =>
      iframe.contentWindow.postMessage(
        new Blob(['postMessage(1)'], { type: 'text/javascript' }),
        '*',
      ),
    );
    document.body.append(iframe);
  });
}

/**
 * A sandbox worker's start, next to a bare worker's, `count` times each, interleaved, in a
 * fresh page of `url` (the bare static page): from `new Worker` on the hook worker's script,
 * as the build makes it (scripts/sandboxBundles.mjs), to a trivial hook's outcome. Every run
 * gets a fresh worker, so this is what each one costs a core before or while it runs.
 */
export async function workerStartRound(browser, url, scripts, count) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(sandboxWorkerStarts, { ...scripts, count });
  } finally {
    await context.close();
  }
}

/** In the page: `count` starts of a bare worker and of a sandbox worker, interleaved, in ms. */
async function sandboxWorkerStarts({ worker, late, count }) {
  const script = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  const urls = { bare: script('postMessage(1)'), sandbox: script(worker) };
  const lateModules = Object.fromEntries(Object.entries(late).map(([k, v]) => [k, new Blob([v])]));
  const run = {
    type: 'run',
    runId: 1,
    request: {
      point: 'post-change-password',
      code: 'module.exports = function (user, context, cb) { cb(); };',
      payload: {
        user: { id: 'u1', username: 'u', email: 'u@example.com', tenant: 't' },
        context: { requestLanguage: 'en-us', connection: { id: 'c1', name: 'DB', tenant: 't' } },
      },
      secrets: {},
      graceMs: 0,
    },
  };
  const start = {
    bare: () =>
      new Promise((resolve) => {
        const w = new Worker(urls.bare);
        w.onmessage = () => resolve(w);
      }),
    sandbox: () =>
      new Promise((resolve, reject) => {
        const w = new Worker(urls.sandbox);
        const channel = new MessageChannel();
        w.postMessage({ type: 'connect', port: channel.port1, lateModules }, [channel.port1]);
        channel.port2.onmessage = ({ data }) => {
          if (data.type === 'fault') reject(new Error(data.message));
          if (data.type !== 'settled') return;
          if (data.outcome.status !== 'succeeded') reject(new Error(JSON.stringify(data.outcome)));
          resolve(w);
        };
        channel.port2.postMessage(run);
        setTimeout(() => reject(new Error('the sandbox worker did not settle in 10 s')), 10_000);
      }),
  };
  const ms = { bare: [], sandbox: [] };
  for (let i = 0; i < count; i++) {
    for (const kind of i % 2 ? ['sandbox', 'bare'] : ['bare', 'sandbox']) {
      const t0 = performance.now();
      const w = await start[kind]();
      ms[kind].push(performance.now() - t0);
      w.terminate();
      await new Promise((resolve) => setTimeout(resolve, 100)); // its teardown is not the next's
    }
  }
  return ms;
}

/** How long after its timeout an infinite loop is stopped, in ms, `count` times. */
export async function infiniteLoopOvershoot(browser, url, count) {
  const { context, page } = await openApp(browser, url);
  try {
    await page.getByLabel('Timeout (ms)').fill('1000');
    await setCode(page, 'module.exports = function (user, context, cb) { while (true) {} };');
    const overshoot = [];
    for (let i = 0; i < count; i++) {
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await statusLocator(page)
        .filter({ hasText: /Timed out after/ })
        .waitFor({ timeout: 15_000 });
      const text = await statusLocator(page).textContent();
      overshoot.push(Number(/Timed out after (\d+) ms/.exec(text)[1]) - 1000);
    }
    return overshoot;
  } finally {
    await context.close();
  }
}

/**
 * "Run all tests" on one hook with `tests` tests: the wall time from the click to the
 * summary, measured in the page (a MutationObserver, no polling), `rounds` times.
 */
export async function runAll(browser, url, tests, rounds) {
  const { context, page } = await openApp(browser, url);
  try {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import hooks' });
    await dialog.getByLabel('Choose files').setInputFiles({
      name: 'bench-workspace.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(runAllWorkspace(tests))),
    });
    await dialog.getByRole('button', { name: 'Import 1 hook' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('navigation', { name: 'Hooks' })
      .getByRole('button', { name: 'Run all bench', exact: true })
      .click();
    const batch = () => page.evaluate(timeBatch, `${tests} passed, 0 failed`);
    await batch(); // warm-up: sandboxes loaded
    const walls = [];
    for (let i = 0; i < rounds; i++) {
      walls.push(await batch());
      await page.waitForTimeout(PAUSE_MS);
    }
    return walls;
  } finally {
    await context.close();
  }
}

/** In the page: clicks "Run all tests" and resolves with the ms until `summary` shows. */
function timeBatch(summary) {
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
}
