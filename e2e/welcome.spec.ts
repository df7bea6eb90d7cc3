import { deflateRawSync } from 'node:zlib';
import { test, expect, editorText, hookButton, hooksNav, openApp, setCode } from './support/app';
import type { Page } from '@playwright/test';

const welcome = (page: Page) => page.getByRole('region', { name: 'Welcome', exact: true });

const link = `http://hookpad.example/#share=${deflateRawSync(
  Buffer.from(
    JSON.stringify({
      v: 2,
      point: 'post-change-password',
      name: 'From a ticket',
      code: '// from the link\nmodule.exports = function (user, context, cb) { cb(); };',
      payload: { user: { id: 'u1', username: 'ann', email: 'ann@example.com' } },
    }),
  ),
).toString('base64url')}`;

test('a first visit is welcomed without losing the focus; Dismiss is remembered', async ({
  page,
}) => {
  await openApp(page);
  await expect(welcome(page)).toBeVisible();
  await expect(welcome(page).locator(':focus')).toHaveCount(0);
  for (const name of ['New hook', 'Open an example', 'Import files', 'Open']) {
    await expect(welcome(page).getByRole('button', { name, exact: true })).toBeVisible();
  }
  await welcome(page).getByRole('button', { name: 'Dismiss welcome' }).click();
  await expect(welcome(page)).toHaveCount(0);
  await expect(hooksNav(page).getByRole('button', { name: 'New hook' })).toBeFocused();
  await page.reload();
  await expect(hooksNav(page)).toBeVisible();
  await expect(welcome(page)).toHaveCount(0);
});

test('a workspace with the user’s work is not welcomed', async ({ page }) => {
  await openApp(page);
  await setCode(page, '// mine\nmodule.exports = function () {};');
  await expect(welcome(page)).toHaveCount(0);
  await page.reload();
  await expect.poll(() => editorText(page, 'Hook code')).toContain('// mine');
  await expect(welcome(page)).toHaveCount(0);
});

test('"New hook" opens the New hook dialog', async ({ page }) => {
  await openApp(page);
  await welcome(page).getByRole('button', { name: 'New hook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New hook' });
  await dialog.getByRole('textbox', { name: 'Hook name' }).fill('My first hook');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(hookButton(page, 'My first hook')).toHaveAttribute('aria-current', 'true');
  // A way in used, the workspace holds work: the welcome has done its job.
  await expect(welcome(page)).toHaveCount(0);
});

test('"Open an example" opens the Examples menu', async ({ page }) => {
  await openApp(page);
  await welcome(page).getByRole('button', { name: 'Open an example' }).click();
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem').first().click();
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(2);
  await expect(welcome(page)).toHaveCount(0);
});

test('"Import files" opens the import dialog', async ({ page }) => {
  await openApp(page);
  await welcome(page).getByRole('button', { name: 'Import files' }).click();
  await expect(page.getByRole('dialog', { name: 'Import hooks' })).toBeVisible();
});

test('a pasted link opens as links do; other text is refused', async ({ page }) => {
  await openApp(page);
  const field = welcome(page).getByRole('textbox', { name: 'Hookpad link' });
  await field.fill('https://hookpad.example/');
  await welcome(page).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(welcome(page).getByRole('alert')).toContainText('not a Hookpad share link');

  await field.fill(link);
  await welcome(page).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Opened from a link' })).toContainText(
    'From a ticket',
  );
  await expect(hookButton(page, 'From a ticket')).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => editorText(page, 'Hook code')).toContain('// from the link');
  expect(new URL(page.url()).hash).toBe('');
});
