import { expect, openApp, test } from './support/app';

// Secrets go into a copy only when asked for that copy: the options untick afterwards, and a
// copy that carries secrets says so.

test('"Include secrets" applies to one share link, which says it carries them', async ({
  page,
}) => {
  await openApp(page);
  const secrets = page.getByRole('region', { name: 'Secrets' });
  await secrets.getByRole('button', { name: 'Add secret' }).click();
  await secrets.getByLabel('Secret name').fill('API_KEY');
  await secrets.getByLabel('Secret value').fill('sk_live_one_shot');

  const include = page.getByRole('checkbox', { name: 'Include secrets' });
  await include.check();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toContainText(
    'it contains the secrets in clear text',
  );
  await expect(include).not.toBeChecked();

  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText(
    'Link copied',
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain(
    'sk_live_one_shot',
  );
});

test('the reproduction’s secret and password options last for one report', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Copy reproduction' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reproduction' });
  await expect(dialog.getByRole('status')).toHaveText('Report copied to the clipboard.');

  await dialog.getByLabel('Include secret values').check();
  await dialog.getByLabel('Include passwords').check();
  await expect(dialog.getByRole('status')).toHaveText(
    'Report copied to the clipboard. It contains secret values and the user’s password in clear text.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Copy reproduction' }).click();
  await expect(dialog.getByLabel('Include secret values')).not.toBeChecked();
  await expect(dialog.getByLabel('Include passwords')).not.toBeChecked();
  await expect(dialog.getByRole('status')).toHaveText('Report copied to the clipboard.');
});
