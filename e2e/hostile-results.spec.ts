import type { Locator, Page } from '@playwright/test';
import {
  test,
  expect,
  inputToggle,
  openApp,
  openInput,
  run,
  runToEnd,
  selectPoint,
  setCode,
  status,
} from './support/app';
import { ECHO_PORT } from './support/ports.mjs';

// Hostile results (docs/runtime-semantics.md §11, §13, §15): what a hook hands back or stores
// is bounded before it reaches the page, and a request that the trace cannot see never leaves.

/** A click answered within about 2 s: the page is not frozen. */
async function expectResponsive(page: Page): Promise<void> {
  const toggle: Locator = inputToggle(page, 'Secrets');
  const before = await toggle.getAttribute('aria-expanded');
  const started = Date.now();
  await toggle.click({ timeout: 2_000 });
  await expect(toggle).not.toHaveAttribute('aria-expanded', before ?? 'false', { timeout: 2_000 });
  expect(Date.now() - started).toBeLessThan(2_000);
}

test('a 20 MB result is shown as its first 1 MB with a note, and the page stays responsive', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  cb(null, 'x'.repeat(20 * 1024 * 1024));",
      '};',
    ].join('\n'),
  );
  await run(page);
  // While the worker builds and sends it, and again once it is shown.
  await expectResponsive(page);
  await expect(status(page)).toHaveText(/^Succeeded/, { timeout: 30_000 });
  await expectResponsive(page);
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('Response is 21 MB of JSON; showing the first 1 MB.');
  await expect(response).toContainText("The platform ignores this point's response.");
  expect(await response.locator('pre').textContent()).toHaveLength(1_000_000);
  await page.getByRole('tab', { name: 'Envelope' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Envelope' })).toContainText(
    'Response is 21 MB of JSON; showing the first 1 MB. The data below is that start, as a string.',
  );
  await expectResponsive(page);
  // The next run works.
  await setCode(page, 'module.exports = function (user, context, cb) { cb(null, 1); };');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(response.locator('pre')).toHaveText('1');
});

test('a 20 MB storage.set is refused to its callback and nothing is stored', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  var big = { blob: 'x'.repeat(20 * 1024 * 1024) };",
      '  context.webtask.storage.set(big, { force: true }, function (error) {',
      '    cb(error);',
      '  });',
      '};',
    ].join('\n'),
  );
  const storage = await openInput(page, 'Storage');
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expectResponsive(page);
  await expect(page.getByRole('alert')).toContainText(
    'Storage data is too large: 20,971,531 bytes of JSON, the limit is 500 KB (512,000 bytes). Nothing was stored.',
  );
  await expect(storage).toContainText('Nothing stored yet');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Storage' })).toContainText('Nothing stored yet');
});

test('a result nested 100,000 levels deep fails at once with a clear message', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      '  var v = {};',
      '  for (var i = 0; i < 100000; i++) v = { a: v };',
      '  cb(null, v);',
      '};',
    ].join('\n'),
  );
  const started = Date.now();
  // The default timeout is 20 s; the run ends long before it.
  expect(await runToEnd(page, 10_000)).toMatch(/^Failed/);
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page.getByRole('alert')).toContainText(
    "The hook's answer could not be sent to Hookpad: it is nested more than 1,000 levels deep",
  );
  await expectResponsive(page);
  await setCode(page, 'module.exports = function (user, context, cb) { cb(); };');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
});

test('with "Allow network", a worker started by the hook is refused and sends nothing', async ({
  page,
  request,
}) => {
  const origin = `http://127.0.0.1:${ECHO_PORT}`;
  const id = `nested-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const hits = async (which: string) =>
    ((await (await request.get(`${origin}/hits?id=${id}-${which}`)).json()) as { hits: number })
      .hits;
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    [
      'module.exports = async function (user, context, cb) {',
      `  var source = "fetch('${origin}/echo?id=${id}-worker')";`,
      '  var url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));',
      '  var tried = {};',
      '  try { new Worker(url); tried.worker = "started"; } catch (e) { tried.worker = e.message; }',
      '  try { importScripts(url); tried.importScripts = "loaded"; } catch (e) { tried.importScripts = e.message; }',
      '  delete self.fetch;',
      `  await WorkerGlobalScope.prototype.fetch.call(self, '${origin}/echo?id=${id}-proto');`,
      '  cb(null, tried);',
      '};',
    ].join('\n'),
  );
  await openInput(page, 'HTTP mocks');
  await page.getByRole('switch', { name: 'Allow network' }).check();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('"worker": "Workers are not available in hooks');
  await expect(response).toContainText('"importScripts": "Workers are not available in hooks');
  // The one request that left went through the boundary, so it is listed.
  const outbound = page.getByRole('region', { name: 'Outbound requests' }).getByRole('listitem');
  await expect(outbound).toHaveCount(1);
  await expect(outbound.first()).toContainText(`${id}-proto`);
  expect(await hits('proto')).toBe(1);
  // A worker's request would have arrived by now.
  await page.waitForTimeout(1_000);
  expect(await hits('worker')).toBe(0);
});
