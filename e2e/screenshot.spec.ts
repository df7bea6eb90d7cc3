import { test, expect, openApp, runToEnd } from './support/app';

// The README's screenshot is made here, so it always shows the app as it is.
test('screenshot for the README', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 760 });
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page
    .getByRole('menu', { name: 'Examples' })
    .getByRole('menuitem', { name: 'Add metadata to new users' })
    .click();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(page.getByRole('region', { name: 'Merged user' })).toContainText('"foo": "bar"');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('region', { name: 'Merged user' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/hookpad.png' });
});
