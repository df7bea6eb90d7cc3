// `npm run bench`: builds Hookpad and two baselines the same way (a bare Monaco page and a
// bare static page), drives them in one headless Chromium, interleaved (baseline, Hookpad,
// baseline…) in rounds, and prints a JSON report and a summary of the targets (README,
// Benchmark). Each ratio is the median of the per-round ratios, with their spread.
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { immutableAssets } from '../../scripts/immutableAssets.mjs';
import { bundleSandbox } from '../../scripts/sandboxBundles.mjs';
import { bundleBytes } from './bytes.mjs';
import { appSample, baselineSample, CLS_TAIL_MS } from './loads.mjs';
import {
  bareColdSandboxSample,
  firstRunSample,
  infiniteLoopOvershoot,
  runAll,
  runLatencyRound,
  workerStartRound,
} from './runs.mjs';
import { median, p95, ratioOfRounds, round, summaryLines } from './stats.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BARE_ROOT = fileURLToPath(new URL('./bare', import.meta.url));
const APP_OUT = join(ROOT, 'dist');
const BARE_OUT = join(ROOT, 'node_modules/.tmp/bench-bare');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Page loads of each kind per round. */
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
/** Runs (and bare worker starts) per round. */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** First visits with a Run as soon as the editor is ready (and bare cold sandboxes) per round. */
const FIRST_RUNS = Number(process.env.BENCH_FIRST_RUNS ?? 3);
const LOOPS = Number(process.env.BENCH_LOOPS ?? 5);
const RUN_ALL_TESTS = Number(process.env.BENCH_RUN_ALL_TESTS ?? 50);
const RUN_ALL_ROUNDS = Number(process.env.BENCH_RUN_ALL_ROUNDS ?? 5);
/** Sandbox worker starts (and bare worker starts) per round. */
const WORKER_STARTS = Number(process.env.BENCH_WORKER_STARTS ?? 6);
const EDITOR_READY = 'hookpad:editor-ready';
const BARE_READY = 'bare:editor-ready';
const KIB = 1024;

const log = (...a) => console.error('[bench]', ...a);
const sum = (xs) => ({ median: round(median(xs)), p95: round(p95(xs)), samples: xs.length });

async function buildAll() {
  if (process.env.BENCH_NO_BUILD) return log('BENCH_NO_BUILD: using the last build');
  log('building the app…');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: APP_OUT, manifest: true } });
  log('building the baselines (bare Monaco page, bare static page)…');
  await build({
    root: BARE_ROOT,
    configFile: false,
    logLevel: 'warn',
    plugins: [(await import('@vitejs/plugin-react')).default()],
    worker: { format: 'es' },
    build: {
      outDir: BARE_OUT,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
      rolldownOptions: {
        input: { monaco: join(BARE_ROOT, 'index.html'), static: join(BARE_ROOT, 'static.html') },
      },
    },
  });
}

/** A vite preview server on a free port; resolves with its origin and a closer. */
async function serve(options) {
  const server = await preview({
    ...options,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1' },
  });
  const { port } = server.httpServer.address();
  const close = () => new Promise((resolve) => server.httpServer.close(resolve));
  return { origin: `http://127.0.0.1:${port}`, close };
}

/** One round: page loads of the three kinds interleaved, runs next to worker starts, sandbox workers. */
async function sampleRound(browser, urls, sandboxScripts) {
  const loads = { app: [], bareMonaco: [], bareStatic: [] };
  const kinds = {
    app: () => appSample(browser, urls.app, EDITOR_READY),
    bareMonaco: () => baselineSample(browser, urls.bareMonaco, BARE_READY),
    bareStatic: () => baselineSample(browser, urls.bareStatic),
  };
  for (let i = 0; i < LOADS; i++) {
    // Alternate the order so that no kind always follows the same one.
    const order = i % 2 ? ['app', 'bareStatic', 'bareMonaco'] : ['bareMonaco', 'bareStatic', 'app'];
    for (const kind of order) loads[kind].push(await kinds[kind]());
  }
  const firstRuns = [];
  const coldSandboxes = [];
  for (let i = 0; i < FIRST_RUNS; i++) {
    const pair = [
      async () => firstRuns.push(await firstRunSample(browser, urls.app)),
      async () => coldSandboxes.push(await bareColdSandboxSample(browser, urls.bareStatic)),
    ];
    for (const sample of i % 2 ? pair.reverse() : pair) await sample();
  }
  const { runs, workerStarts } = await runLatencyRound(browser, urls.app, RUNS);
  const sandboxWorkers = await workerStartRound(
    browser,
    urls.bareStatic,
    sandboxScripts,
    WORKER_STARTS,
  );
  return { loads, firstRuns, coldSandboxes, runs, workerStarts, sandboxWorkers };
}

function buildReport(rounds, extras) {
  const pick = (kind, key) => rounds.map((r) => r.loads[kind].map((s) => s[key]));
  const appReady = pick('app', 'ready');
  const cls = pick('app', 'cls');
  const allCls = cls.flat();
  const controlled = pick('app', 'controlled').flat();
  const beforeMonacoKiB = round(extras.bytes.beforeMonaco.gzip / KIB, 1);
  const zip = (values, baselines) => values.map((value, r) => ({ value, baseline: baselines[r] }));
  const report = {
    runLatencyRatio: ratioOfRounds(
      zip(
        rounds.map((r) => r.runs),
        rounds.map((r) => r.workerStarts),
      ),
      { value: 'hookpadRunMs', baseline: 'bareWorkerStartMs' },
    ),
    editorReadyFirstVisitRatio: ratioOfRounds(zip(appReady, pick('bareMonaco', 'ready')), {
      value: 'hookpadMs',
      baseline: 'bareMonacoMs',
    }),
    editorReadyRepeatVisitRatio: {
      ...ratioOfRounds(zip(pick('app', 'repeatReady'), appReady), {
        value: 'repeatMs',
        baseline: 'firstMs',
      }),
      serviceWorkerControlledRepeatVisits: `${controlled.filter(Boolean).length}/${controlled.length}`,
    },
    firstRunRatio: ratioOfRounds(
      zip(
        rounds.map((r) => r.firstRuns),
        rounds.map((r) => r.coldSandboxes),
      ),
      { value: 'hookpadFirstRunMs', baseline: 'bareColdSandboxMs' },
    ),
    sandboxWorkerStartRatio: ratioOfRounds(
      zip(
        rounds.map((r) => r.sandboxWorkers.sandbox),
        rounds.map((r) => r.sandboxWorkers.bare),
      ),
      { value: 'sandboxWorkerMs', baseline: 'bareWorkerStartMs' },
    ),
    fcpRatio: ratioOfRounds(zip(pick('app', 'fcp'), pick('bareStatic', 'fcp')), {
      value: 'hookpadMs',
      baseline: 'bareStaticMs',
    }),
    cls: {
      median: round(median(allCls), 4),
      max: round(Math.max(...allCls), 4),
      samples: allCls.length,
      rounds: cls.map((xs) => round(median(xs), 4)),
      window: `first visit, until editor-ready + ${CLS_TAIL_MS} ms`,
      repeatVisitMax: round(Math.max(...pick('app', 'repeatCls').flat()), 4),
    },
    bytesBeforeMonacoKiBGzip: beforeMonacoKiB,
    pooledMs: {
      hookpadEditorReady: sum(appReady.flat()),
      hookpadEditorReadyRepeat: sum(pick('app', 'repeatReady').flat()),
      bareMonacoEditorReady: sum(pick('bareMonaco', 'ready').flat()),
      hookpadFcp: sum(pick('app', 'fcp').flat()),
      bareMonacoFcp: sum(pick('bareMonaco', 'fcp').flat()),
      bareStaticFcp: sum(pick('bareStatic', 'fcp').flat()),
      hookpadFirstRun: sum(rounds.flatMap((r) => r.firstRuns)),
      bareColdSandbox: sum(rounds.flatMap((r) => r.coldSandboxes)),
      hookpadRun: sum(rounds.flatMap((r) => r.runs)),
      bareWorkerStart: sum(rounds.flatMap((r) => r.workerStarts)),
      sandboxWorkerStart: sum(rounds.flatMap((r) => r.sandboxWorkers.sandbox)),
      bareWorkerStartBesideSandbox: sum(rounds.flatMap((r) => r.sandboxWorkers.bare)),
    },
    ...extras,
  };
  const targets = [
    { name: 'runLatencyRatio', op: '<=', limit: 0.7, ...pickRatio(report.runLatencyRatio) },
    {
      name: 'editorReady first visit / bare Monaco',
      op: '<=',
      limit: 1.0,
      ...pickRatio(report.editorReadyFirstVisitRatio),
    },
    { name: 'FCP / bare static page', op: '<=', limit: 1.5, ...pickRatio(report.fcpRatio) },
    { name: `CLS (max of ${allCls.length} loads)`, op: '<', limit: 0.05, value: report.cls.max },
    {
      name: 'bytes before Monaco',
      op: '<=',
      limit: 110,
      unit: ' KiB gzip',
      value: beforeMonacoKiB,
    },
  ];
  const repeat = report.editorReadyRepeatVisitRatio;
  const first = report.firstRunRatio;
  const worker = report.sandboxWorkerStartRatio;
  const summary = [
    ...summaryLines(targets),
    `editorReady repeat / first visit: ${repeat.median} [${repeat.spread.join('–')}]  ` +
      `(service worker on ${repeat.serviceWorkerControlledRepeatVisits} repeat visits; no target)`,
    `first Run after opening / bare cold sandbox: ${first.median} [${first.spread.join('–')}]  ` +
      `(${report.pooledMs.hookpadFirstRun.median} ms vs ${report.pooledMs.bareColdSandbox.median} ms; no target)`,
    `sandbox worker to a trivial hook's outcome / bare worker start: ${worker.median} ` +
      `[${worker.spread.join('–')}]  (${report.pooledMs.sandboxWorkerStart.median} ms vs ` +
      `${report.pooledMs.bareWorkerStartBesideSandbox.median} ms; no target)`,
  ];
  return { summary, ...report };
}

/** The secondary figures: a failure is reported in their place, the main figures stand. */
async function orError(measure) {
  try {
    return await measure();
  } catch (e) {
    log(e);
    return { error: String(e instanceof Error ? e.message : e).split('\n')[0] };
  }
}

/** Several sandboxes at once: a test of a batch should cost less than a lone run. */
function runAllFigures(walls, singleRunMs) {
  if ('error' in walls) return walls;
  const perTest = median(walls) / RUN_ALL_TESTS;
  return {
    tests: RUN_ALL_TESTS,
    wallMs: { median: round(median(walls)), samples: walls.length },
    perTestMs: { median: round(perTest) },
    perTestToSingleRunRatio: round(perTest / singleRunMs),
  };
}

function overshootFigures(overshoot) {
  if ('error' in overshoot) return overshoot;
  const max = Math.max(...overshoot);
  return { median: median(overshoot), max, samples: overshoot.length, timeoutMs: 1000 };
}

const pickRatio = (ratio) => ({ value: ratio.median, spread: ratio.spread });

async function main() {
  const started = Date.now();
  await buildAll();
  const app = await serve({ root: ROOT, build: { outDir: APP_OUT } });
  // The baselines are served as the app is (vite.config.ts's preview server): hashed files
  // compressed once and kept by the browser.
  const bare = await serve({
    root: BARE_ROOT,
    configFile: false,
    plugins: [immutableAssets()],
    build: { outDir: BARE_OUT },
  });
  const urls = {
    app: `${app.origin}/`,
    bareMonaco: `${bare.origin}/`,
    bareStatic: `${bare.origin}/static.html`,
  };
  // The sandbox's scripts exactly as the build embeds them (vite.config.ts, hookpad-sandbox).
  const sandbox = await bundleSandbox({ minify: true });
  const sandboxScripts = {
    worker: sandbox.worker.code,
    late: Object.fromEntries(Object.entries(sandbox.late).map(([name, b]) => [name, b.code])),
  };
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      log(
        `round ${r + 1}/${ROUNDS}: ${LOADS} loads of each page, ${FIRST_RUNS} first runs, then ${RUNS} runs…`,
      );
      rounds.push(await sampleRound(browser, urls, sandboxScripts));
    }
    log(`an infinite loop stopped, ${LOOPS} times…`);
    const overshoot = await orError(() => infiniteLoopOvershoot(browser, urls.app, LOOPS));
    log(`run all: ${RUN_ALL_TESTS} tests of one hook, ${RUN_ALL_ROUNDS} rounds…`);
    const walls = await orError(() => runAll(browser, urls.app, RUN_ALL_TESTS, RUN_ALL_ROUNDS));
    const report = buildReport(rounds, {
      runAll: runAllFigures(walls, median(rounds.flatMap((r) => r.runs))),
      infiniteLoopStoppedAfterTimeoutMs: overshootFigures(overshoot),
      bytes: bundleBytes(APP_OUT),
      setup: {
        rounds: ROUNDS,
        loadsPerRound: LOADS,
        firstRunsPerRound: FIRST_RUNS,
        runsPerRound: RUNS,
      },
      machine: {
        cpus: cpus().length,
        loadAverage: loadavg().map((x) => round(x)),
        chromium: browser.version(),
      },
      elapsedS: Math.round((Date.now() - started) / 1000),
    });
    console.log(JSON.stringify(report, null, 2));
    log(`done in ${report.elapsedS} s (load average ${report.machine.loadAverage.join(', ')}):`);
    for (const line of report.summary) log(`  ${line}`);
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
