import { deflateRawSync } from 'node:zlib';
import {
  test,
  expect,
  openApp,
  selectPoint,
  setCode,
  setTimeoutMs,
  editorText,
  status,
} from './support/app';

const encode = (value: unknown) =>
  deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64url');

test('a share link round-trips into a fresh browser and never runs by itself', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await selectPoint(page, 'Send Phone Message');
  await setCode(
    page,
    "module.exports = function (recipient, text, context, cb) { cb(null, { note: 'héllo ✓' }); };",
  );
  await setTimeoutMs(page, 4321);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#share=[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // The fragment is deflate-raw + base64url of the documented JSON.
  const { inflateRawSync } = await import('node:zlib');
  const decoded = JSON.parse(
    inflateRawSync(Buffer.from(link.split('#share=')[1]!, 'base64url')).toString('utf8'),
  );
  expect(decoded).toMatchObject({ v: 3, point: 'send-phone-message', timeoutMs: 4321 });
  expect(decoded.code).toContain('héllo ✓');
  expect(decoded.payload.recipient).toBe('1-808-555-5555');

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await openApp(other, link);
    await expect(other.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
      'send-phone-message',
    );
    await expect.poll(() => editorText(other, 'Hook code')).toContain('héllo ✓');
    await expect(other.getByLabel('Timeout (ms)')).toHaveValue('4321');
    expect(new URL(other.url()).hash).toBe('');
    await expect(status(other)).toHaveText(/Press Ctrl\+Enter to run/);
  } finally {
    await fresh.close();
  }
});

for (const [what, fragment] of [
  ['undecodable', 'this-is-not-deflate'],
  ['schema-failing', encode({ v: 1, point: 'password-exchange', code: 'x', payload: {} })],
] as const) {
  test(`a ${what} share link is refused and the current work is untouched`, async ({ page }) => {
    await openApp(page);
    await selectPoint(page, 'Pre-User Registration');
    await setCode(
      page,
      'module.exports = function (user, context, cb) { cb(null, { kept: true }); };',
    );
    await page.goto('about:blank');
    await openApp(page, `/#share=${fragment}`);
    await expect(page.getByRole('alert')).toContainText(/share link could not be opened/i);
    await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
      'pre-user-registration',
    );
    await expect.poll(() => editorText(page, 'Hook code')).toContain('kept: true');
  });
}

test('reloading keeps an edit', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post-User Registration');
  await setCode(
    page,
    "module.exports = function (user, context, cb) { console.log('edited'); cb(); };",
  );
  await setTimeoutMs(page, 2500);
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor'),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'post-user-registration',
  );
  await expect.poll(() => editorText(page, 'Hook code')).toContain("console.log('edited')");
  await expect(page.getByLabel('Timeout (ms)')).toHaveValue('2500');
});

test('an address whose fragment is not a share link needs none of the links’ code', async ({
  page,
}) => {
  // The links' code cannot be fetched (offline before the app was cached): an ordinary
  // fragment must open the app as usual and not report a link that is not there.
  const linksCode = /\/assets\/shareLinks-[^/]+\.js$/;
  const asked: string[] = [];
  await page.route(linksCode, (route) => {
    asked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await openApp(page, '/#section');
  // Once the app has started up it asks for the links' code anyway (for copying a link):
  // by then a load of its own at the start would have failed and been reported.
  await expect.poll(() => asked.length, { intervals: [100] }).toBeGreaterThan(0);
  await expect(page.getByRole('alert').filter({ hasText: 'share link' })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#section');
});
