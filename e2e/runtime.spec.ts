import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  selectPoint,
  runToEnd,
  setCode,
  status,
  regionJson,
  openInput,
} from './support/app';

test('a secret reaches the hook and is masked in the console and the response', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  const secrets = page.getByRole('region', { name: 'Secrets' });
  await secrets.getByRole('button', { name: 'Add secret' }).click();
  await secrets.getByRole('textbox', { name: 'Secret name' }).last().fill('API_KEY');
  await secrets.getByLabel('Secret value').last().fill('s3cr3t-value-42');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      '  var key = context.webtask.secrets.API_KEY;',
      "  console.log('using key ' + key + ' of length ' + key.length);",
      '  cb(null, { echoed: key });',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const consoleRegion = page.getByRole('region', { name: 'Console' });
  await expect(consoleRegion).toContainText('using key <secret:API_KEY> of length 15');
  await expect(consoleRegion).not.toContainText('s3cr3t-value-42');
  await expect(page.getByRole('region', { name: 'Response' })).not.toContainText('s3cr3t-value-42');
});

test('a PreUserRegistrationError denies the signup and shows the message to the user', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  if (user.email.endsWith('@foo.com')) {",
      "    return cb(new PreUserRegistrationError('Denied foo.com signup', 'Please use your work email.'));",
      '  }',
      '  cb(null, {});',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Denied in \d+ ms — Signup denied$/);
  await expect(page.getByRole('region', { name: 'Message to the user' })).toContainText(
    'Please use your work email.',
  );
  // A deliberate denial is an outcome: shown without an alert.
  await expect(page.getByRole('region', { name: 'Denial' })).toContainText('Denied foo.com signup');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('credentials exchange: dropped claims are listed and InvalidScopeError is a 400 invalid_scope', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Client Credentials Exchange');
  await setCode(
    page,
    [
      'module.exports = function (client, scope, audience, context, cb) {',
      '  cb(null, {',
      '    scope: scope,',
      "    'https://example.com/plan': client.metadata.plan,",
      "    'https://auth0.com/admin': true,",
      "    plain: 'nope'",
      '  });',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const claims = page.getByRole('region', { name: 'Access token claims' });
  await expect(claims).toContainText('https://example.com/plan');
  await expect(claims).toContainText('read:connections');
  for (const dropped of ['https://auth0.com/admin', 'plain']) {
    await expect(claims.getByRole('listitem').filter({ hasText: dropped })).toHaveCount(1);
  }

  await setCode(
    page,
    [
      'module.exports = function (client, scope, audience, context, cb) {',
      "  cb(new InvalidScopeError('Scope is not permitted.'));",
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Denied in \d+ ms — invalid_scope$/);
  await expect(page.getByText(/400/).first()).toBeVisible();
  await expect(page.getByText(/invalid_scope/).first()).toBeVisible();
});

test('post-user-registration: a line logged after cb() is marked "after callback"', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Post-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  setTimeout(function () { console.log('slack notified'); }, 100);",
      '  cb();',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const line = page
    .getByRole('region', { name: 'Console' })
    .getByRole('listitem')
    .filter({ hasText: 'slack notified' });
  await expect(line).toContainText(/after callback/i);
});

test('webtask storage persists across runs and a reload, and clears', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      '  var storage = context.webtask.storage;',
      '  storage.get(function (error, data) {',
      '    if (error) return cb(error);',
      '    data = data || { count: 0 };',
      '    data.count += 1;',
      '    storage.set(data, function (error) { cb(error, { count: data.count }); });',
      '  });',
      '};',
    ].join('\n'),
  );
  const storageRegion = page.getByRole('region', { name: 'Storage' });
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({ count: 1 });
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({ count: 2 });
  await expect(storageRegion).toContainText('"count": 2');

  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor'),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Storage' })).toContainText('"count": 2');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({ count: 3 });

  await page
    .getByRole('region', { name: 'Storage' })
    .getByRole('button', { name: 'Clear storage' })
    .click();
  await expect(page.getByRole('region', { name: 'Storage' })).not.toContainText('"count"');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({ count: 1 });
});

test('the Envelope tab shows the wire answer of a synchronous throw', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    "module.exports = function (user, context, cb) { throw new Error('boom'); };",
  );
  expect(await runToEnd(page)).toMatch(/Failed|Signup denied/);
  await page.getByRole('tab', { name: 'Envelope' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Envelope' });
  await expect(panel).toContainText('500');
  await expect(panel).toContainText('Script generated an unhandled synchronous exception.');
});

test('the Examples menu loads an example without running it, and Undo restores the draft', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    'module.exports = function (user, context, cb) { cb(null, { mine: true }); };',
  );
  // Once the menu's code is in (the hover fetches it), the click opens the menu with its
  // items in the very next frame: no busy stand-in (lazyPart). React.lazy showed the stand-in
  // and React held the items back ~300 ms.
  await page.getByRole('button', { name: 'Examples' }).hover();
  const menuScripts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => /\/assets\/(ExamplesMenuPopup|examples)-[^/]*\.js$/.test(url)),
    );
  await expect.poll(menuScripts).toHaveLength(2);
  const scripts = await menuScripts();
  const firstFrame = await page.evaluate(async (urls) => {
    // The same modules, so their evaluation is over; a task later the app's promises are too.
    await Promise.all(urls.map((url) => import(url)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    let busy = false;
    const watch = new MutationObserver(() => {
      busy ||= document.querySelector('[role="menu"][aria-busy="true"]') !== null;
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
    document.getElementById('examples-button')!.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watch.disconnect();
    return { busy, items: document.querySelectorAll('[role="menu"] [role="menuitem"]').length };
  }, scripts);
  expect(firstFrame.busy).toBe(false);
  expect(firstFrame.items).toBeGreaterThan(0);
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu).toBeVisible();
  await menu
    .getByRole('menuitem', { name: /add metadata/i })
    .first()
    .click();
  await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'pre-user-registration',
  );
  await expect(status(page)).toHaveText(/Press Ctrl\+Enter to run/);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({ mine: true });
});

/** Holds back the requests for `pattern` until the returned function is called. */
async function holdRequests(page: Page, pattern: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens the app and the Examples menu, which is busy while `pattern` is held back. */
async function openExamplesHolding(page: Page, pattern: string) {
  const release = await holdRequests(page, pattern);
  await openApp(page);
  const button = page.getByRole('button', { name: 'Examples' });
  await button.click();
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu).toHaveAttribute('aria-busy', 'true');
  return { release, button, menu };
}

test('Escape closes the Examples menu while the menu itself is still loading', async ({ page }) => {
  // The menu's own code is held back: the button opens a busy menu at once, and Escape, with
  // the focus still on the button, closes it.
  const { release, button, menu } = await openExamplesHolding(
    page,
    '**/assets/ExamplesMenuPopup-*.js',
  );
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  release();
  await button.click();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
});

test('Escape closes the Examples menu while its examples are still loading', async ({ page }) => {
  // The examples' chunk is held back until the menu was closed once.
  const { release, button, menu } = await openExamplesHolding(page, '**/assets/examples-*.js');
  await expect(menu).toContainText('Loading examples…');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();

  release();
  await button.click();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
});

test('an editor inside a lazily loaded section says it is loading until its own code comes', async ({
  page,
}) => {
  // The Modules section's body is a lazy part; the module mock's editor inside it is another,
  // with its own stand-in (not the section's), held back here.
  const release = await holdRequests(page, '**/assets/ModuleMockEditor-*.js');
  await openApp(page);
  const modules = await openInput(page, 'Modules');
  await modules.getByRole('button', { name: 'Add module' }).click();
  await expect(modules.getByText('Loading editor…')).toBeVisible();
  release();
  await expect(modules.locator('.monaco-editor')).toBeVisible();
  await expect(modules.getByText('Loading editor…')).toHaveCount(0);
});
