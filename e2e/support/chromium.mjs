// Finds a Chromium for Playwright, or installs one, saying what it does.
// Order (see README): CHROMIUM_PATH, Playwright's own browser, /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine without internet (see environment.md). */
export const CHROMIUM_ARGS = [
  '--headless',
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
