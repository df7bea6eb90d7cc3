import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  openInput,
  regionJson,
  runToEnd,
  selectPoint,
  setCode,
  status,
  test,
  waitForEditors,
} from './support/app';
import { packDirectory } from './support/registryServer.mjs';
import { APP_PORT } from './support/ports.mjs';

// These journeys need the app's service worker, which the rest of the suite blocks.
test.use({ serviceWorkers: 'allow' });
// Each visit precaches the whole build (~14 MiB), which takes long on a loaded machine.
test.describe.configure({ timeout: 300_000 });

/** Where playwright.config.ts builds the app for this port. */
const BUILD = fileURLToPath(new URL(`../node_modules/.hookpad-e2e/${APP_PORT}/`, import.meta.url));

const link = (state: object) =>
  deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64url');

const shared = link({
  v: 3,
  point: 'send-phone-message',
  name: 'Offline ticket',
  code: 'module.exports = function (recipient, text, context, cb) { cb(null, { sent: true }); };',
  payload: {
    recipient: '1-808-555-5555',
    text: 'code 123',
    context: {
      message_type: 'sms',
      action: 'enrollment',
      language: 'en',
      code: '123',
      ip: '127.0.0.1',
      user_agent: 'Mozilla/5.0',
      user: { user_id: 'auth0|1' },
    },
  },
});

/**
 * The editors, given longer than usual: a first visit has nothing cached, and every visit here
 * shares the machine with the service worker's precache.
 */
async function editorsShown(page: Page): Promise<void> {
  const editor = page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 60_000 });
  await waitForEditors(page);
}

/** Resolves once the service worker has precached the build and controls the page. */
async function offlineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
}

/** A first visit, until the service worker controls the page; then the network goes off. */
async function offlineAfterFirstVisit(page: Page, context: BrowserContext): Promise<void> {
  await page.goto('/');
  await editorsShown(page);
  await offlineReady(page);
  await context.setOffline(true);
}

test('after one visit, the app opens a share link and runs a hook with the network off', async ({
  page,
  context,
}) => {
  await offlineAfterFirstVisit(page, context);
  await page.reload();
  await editorsShown(page);

  // A link from a ticket, with a query as a mail client may add: the worker answers any
  // navigation with the app.
  await page.goto(`/?from=ticket#share=${shared}`);
  await editorsShown(page);
  const banner = page.getByRole('region', { name: 'Opened from a link' });
  await expect(banner).toContainText('Opened from a link: Offline ticket');
  await banner.getByRole('button', { name: 'Run this hook' }).click();
  await expect(status(page)).toHaveText(/^Succeeded/);
});

test('a package file dropped in with the network off runs, and still runs after an offline reload', async ({
  page,
  context,
}) => {
  await offlineAfterFirstVisit(page, context);

  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  var _ = require('lodash');",
      "  cb(null, { user: { app_metadata: { groups: _.chunk(['a', 'b', 'c'], 2), version: _.VERSION } } });",
      '};',
    ].join('\n'),
  );
  const dependencies = await openInput(page, 'Dependencies');
  // A .tgz as `npm pack` makes it, dropped on the region.
  const tgz = packDirectory(fileURLToPath(new URL('../node_modules/lodash', import.meta.url)));
  const dataTransfer = await page.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'lodash-4.17.21.tgz', { type: 'application/gzip' }));
    return transfer;
  }, tgz.bytes.toString('base64'));
  const dropZone = dependencies.locator('.packages-drop');
  await dropZone.dispatchEvent('dragover', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });
  const stored = dependencies.getByRole('table', { name: 'Stored packages' });
  await expect(stored).toContainText('lodash@4.17.21');
  await expect(stored).toContainText('package file');

  const expected = { app_metadata: { groups: [['a', 'b'], ['c']], version: '4.17.21' } };
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Merged user')).toMatchObject(expected);

  await page.reload();
  await editorsShown(page);
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Merged user')).toMatchObject(expected);
});

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
};

/** Serves a folder as the preview server does (every path not a file gets index.html). */
async function serve(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const file = join(root, normalize(path === '/' ? '/index.html' : path));
    readFile(file)
      .catch(() => readFile(join(root, 'index.html')))
      .then(
        (body) => {
          const type = TYPES[extname(file)] ?? 'text/html';
          response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
          response.end(body);
        },
        () => response.writeHead(500).end(),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A new build: another index.html, whose new revision in the precache list changes sw.js. */
async function deployNewBuild(root: string): Promise<void> {
  const html = join(root, 'index.html');
  await writeFile(
    html,
    (await readFile(html, 'utf8')).replace('<head>', '<head><meta name="build" content="2">'),
  );
  const sw = join(root, 'sw.js');
  const before = await readFile(sw, 'utf8');
  const after = before.replace(/(url:"index\.html",revision:)"[^"]*"/, '$1"build-2"');
  expect(after, 'sw.js lists index.html with its revision').not.toBe(before);
  await writeFile(sw, after);
}

test('a new build is announced, waits, and takes over on Reload', async ({ page }) => {
  const root = await mkdtemp(join(tmpdir(), 'hookpad-build-'));
  await cp(BUILD, root, { recursive: true });
  const { server, url } = await serve(root);
  try {
    await page.goto(url);
    await editorsShown(page);
    await offlineReady(page);
    const notice = page.getByRole('status').filter({ hasText: 'A new version of Hookpad' });
    await expect(notice).toHaveCount(0);

    await deployNewBuild(root);
    // Marks this page: it must still be this one when the prompt shows (no reload by itself).
    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(notice).toHaveText('A new version of Hookpad is available' + 'Reload');
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(true);
    await expect(page.locator('meta[name="build"]')).toHaveCount(0);

    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="build"]')).toHaveAttribute('content', '2');
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
    await editorsShown(page);
    await expect(notice).toHaveCount(0);
  } finally {
    server.close();
    await rm(root, { recursive: true, force: true });
  }
});
