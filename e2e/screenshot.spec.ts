import { test, expect, openApp, selectPoint, runToEnd } from './support/app';

// The README's screenshot is made here, so it always shows the app as it is.
test('screenshot for the README', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 760 });
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(page.getByRole('region', { name: 'Merged user' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/hookpad.png' });
});
