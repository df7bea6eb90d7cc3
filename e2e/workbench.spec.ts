import {
  test,
  expect,
  openApp,
  selectPoint,
  setCode,
  setPayload,
  status,
  runToEnd,
} from './support/app';

test('Ctrl+Enter runs from the code editor and from the payload editor', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(page, 'module.exports = function (user, context, cb) { cb(null, { n: 1 }); };');
  await page.keyboard.press('Control+Enter');
  await expect(status(page)).toHaveText(/^Succeeded in \d+ ms/);

  await setCode(page, 'module.exports = function (user, context, cb) { cb(null, { n: 2 }); };');
  await page.getByRole('region', { name: 'Payload' }).locator('.monaco-editor').first().click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('"n": 2');
});

test('a payload that fails the point schema is explained and refused with the platform message', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setPayload(page, { user: {}, context: { connection: 'not an object' } });
  await expect(
    page
      .getByText('Body.context.connection received by extensibility point is not an object')
      .first(),
  ).toBeVisible();
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expect(page.getByRole('alert')).toContainText(
    'Body.context.connection received by extensibility point is not an object',
  );
  // Monaco underlines the mistake too.
  await expect(
    page.getByRole('region', { name: 'Payload' }).locator('.squiggly-error'),
  ).not.toHaveCount(0);
});

test('a syntax error is reported with its line and column', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post-User Registration');
  await setCode(
    page,
    ['module.exports = function (user, context, cb) {', '  cb(;', '};'].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed/);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Unexpected token ';'");
  await expect(alert).toContainText('2:6');
});

test('the divider resizes the panes by keyboard and the size is remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const divider = page.getByRole('separator', { name: 'Resize panels' });
  const before = Number(await divider.getAttribute('aria-valuenow'));
  await divider.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', String(before + 10));
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize panels' })).toHaveAttribute(
    'aria-valuenow',
    String(before + 10),
  );
});

test.describe('in a dark system theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the app and Monaco follow it', async ({ page }) => {
    await openApp(page);
    await expect(
      page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor.vs-dark'),
    ).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
  });
});

test('running brings the status into view when the runner column was scrolled away', async ({
  page,
}) => {
  // Wide screens keep the status in view (layout.spec.ts); on a narrow one the page scrolls
  // and the runner is below the code, so its status starts out of view.
  await page.setViewportSize({ width: 700, height: 700 });
  await openApp(page);
  await expect(status(page)).not.toBeInViewport();
  await page.keyboard.press('Control+Enter');
  await expect(status(page)).toHaveText(/^Succeeded in \d+ ms/);
  await expect(status(page)).toBeInViewport();
});

test('a run whose status is in view does not scroll to it, so nothing lays the page out on its way', async ({
  page,
}) => {
  // scrollIntoView lays the page out at once, in the task that starts the run and in the one
  // that shows its result: counted here, it must not be called while the status is in view.
  await page.addInitScript(() => {
    const scroll = Element.prototype.scrollIntoView;
    const counter = window as unknown as { scrolls: number };
    counter.scrolls = 0;
    Element.prototype.scrollIntoView = function (
      this: Element,
      arg?: boolean | ScrollIntoViewOptions,
    ) {
      counter.scrolls++;
      scroll.call(this, arg);
    };
  });
  await openApp(page);
  await expect(status(page)).toBeInViewport({ ratio: 1 });
  expect(await runToEnd(page)).toMatch(/^Succeeded in \d+ ms/);
  expect(await runToEnd(page)).toMatch(/^Succeeded in \d+ ms/);
  expect(await page.evaluate(() => (window as unknown as { scrolls: number }).scrolls)).toBe(0);
  await expect(status(page)).toBeInViewport({ ratio: 1 });
});

test('the first Tab offers a skip link that puts the keyboard in the code editor', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the code editor' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Hook code' }).getByRole('textbox')).toBeFocused();
  await page.keyboard.type('// typed after skipping\n');
  await expect(page.getByRole('region', { name: 'Hook code' })).toContainText(
    '// typed after skipping',
  );
});
