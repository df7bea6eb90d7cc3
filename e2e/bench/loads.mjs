// Page loads in fresh browser contexts: first contentful paint, editor-ready, layout shift,
// and a repeat visit in the same context (HTTP cache and service worker warm).
import { clsSum } from './stats.mjs';

/** Layout shifts count until this long after editor-ready, while the editors settle. */
export const CLS_TAIL_MS = 500;
/** How long a page that declares a web app manifest gets to install its service worker. */
const SERVICE_WORKER_WAIT_MS = Number(process.env.BENCH_SW_WAIT_MS ?? 20_000);
const TIMEOUT_MS = 30_000;

/**
 * Runs before the page's own scripts, in the top frame only (not in Hookpad's sandbox
 * frame): records the first contentful paint and every layout shift.
 */
function recordPaintAndShifts() {
  if (window !== window.top) return;
  const bench = { fcp: 0, shifts: [] };
  Object.defineProperty(window, '__bench', { value: bench });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const { value, startTime, hadRecentInput } of list.getEntries()) {
      bench.shifts.push({ value, startTime, hadRecentInput });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

async function freshPage(browser) {
  const context = await browser.newContext(); // a first visit: empty caches, no worker
  await context.addInitScript(recordPaintAndShifts);
  return { context, page: await context.newPage() };
}

/** Navigates to `url`; with a measure name, also waits for it and sums the layout shifts. */
async function visit(page, url, readyMeasure) {
  await page.goto(url);
  const fcpHandle = await page.waitForFunction(() => window.__bench?.fcp, undefined, {
    timeout: TIMEOUT_MS,
  });
  const fcp = await fcpHandle.jsonValue();
  if (!readyMeasure) return { fcp };
  const readyHandle = await page.waitForFunction(
    (name) => performance.getEntriesByName(name)[0]?.duration,
    readyMeasure,
    { timeout: TIMEOUT_MS },
  );
  const ready = await readyHandle.jsonValue();
  const until = ready + CLS_TAIL_MS;
  await page.waitForFunction((t) => performance.now() >= t, until, { timeout: TIMEOUT_MS });
  const shifts = await page.evaluate(() => window.__bench.shifts);
  return { fcp, ready, cls: clsSum(shifts, until) };
}

/**
 * Waits until the page's service worker, if it has one, is active (its precache filled),
 * so that the repeat visit is what a returning user gets. A page without a web app manifest
 * gets a short look only.
 */
function settleServiceWorker(page) {
  return page.evaluate(async (waitMs) => {
    if (!('serviceWorker' in navigator)) return false;
    const pwa = document.querySelector('link[rel="manifest"]') !== null;
    const deadline = performance.now() + (pwa ? waitMs : 300);
    while (performance.now() < deadline) {
      const registration = await navigator.serviceWorker.getRegistration();
      if (registration?.active && !registration.installing) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }, SERVICE_WORKER_WAIT_MS);
}

/** Hookpad: a first visit, then a repeat visit in the same context. */
export async function appSample(browser, url, readyMeasure) {
  const { context, page } = await freshPage(browser);
  try {
    const first = await visit(page, url, readyMeasure);
    await settleServiceWorker(page);
    const repeat = await visit(page, url, readyMeasure);
    const controlled = await page.evaluate(() => navigator.serviceWorker?.controller != null);
    return { ...first, repeatReady: repeat.ready, repeatCls: repeat.cls, controlled };
  } finally {
    await context.close();
  }
}

/** A baseline page's first visit: its first contentful paint and, if named, its ready time. */
export async function baselineSample(browser, url, readyMeasure) {
  const { context, page } = await freshPage(browser);
  try {
    return await visit(page, url, readyMeasure);
  } finally {
    await context.close();
  }
}
