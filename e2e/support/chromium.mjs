// Finds a Chromium for Playwright, or installs one, saying what it does.
// Order (see README): CHROMIUM_PATH, Playwright's own browser, /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The features Playwright turns off itself, with its own `--disable-features`. Chromium keeps
 * only the last `--disable-features` of its command line, so ours must repeat them
 * (chromium.test.ts fails when Playwright's list changes).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * A browser context gets a window of its own, and a window starts the address bar's two WebUI
 * popups, each a page of Chromium's own, while the page under test loads. Per app opened in a
 * new context on 2 CPUs they cost ~1.6 s of CPU (6.9 s → 5.3 s) and held the editors back
 * (2.7 s → 2.1 s): the bench opens every sample that way, the suite a few journeys. A user's
 * window has them long before Hookpad loads. (harness.spec.ts checks they are gone.)
 */
export const ADDRESS_BAR_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** Flags that keep Chromium quiet on a machine without internet (README, Two commands). */
export const CHROMIUM_ARGS = [
  '--headless',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUP_FEATURES].join(',')}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightBrowser() {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** @returns {string | undefined} the executable to use, or undefined if none is installed */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  return playwrightBrowser() ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
}

function run(command) {
  console.log(`[chromium] $ ${command}`);
  execSync(command, { stdio: 'inherit' });
}

/** Makes sure a Chromium exists; installs one if needed and possible. */
export function ensureChromium() {
  const found = findChromium();
  if (found) {
    console.log(`[chromium] using ${found}`);
    return found;
  }
  console.log("[chromium] no Chromium found; trying Playwright's download (needs internet)…");
  try {
    run('npx playwright install chromium');
  } catch {
    console.log('[chromium] Playwright could not download its browser.');
  }
  let path = findChromium();
  if (
    !path &&
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/usr/bin/apt-get')
  ) {
    console.log("[chromium] installing Debian's chromium package with apt-get (as root)…");
    run('apt-get update -qq');
    run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    path = findChromium();
  }
  if (!path) {
    throw new Error(
      'No Chromium available. Install one (`npx playwright install chromium`, or `apt-get install chromium`) or set CHROMIUM_PATH.',
    );
  }
  console.log(`[chromium] using ${path}`);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
