import { test, expect, openApp, selectPoint, setCode } from './support/app';

test('lint hints underline a path that returns without calling cb', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  const warnings = page.getByRole('region', { name: 'Hook code' }).locator('.squiggly-warning');
  await setCode(page, 'module.exports = function (user, context, cb) { cb(); };');
  await expect(warnings).toHaveCount(0);
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      '  if (!user.email) return;',
      '  cb();',
      '};',
    ].join('\n'),
  );
  await expect(warnings).not.toHaveCount(0);
});
