import { test, expect, openApp, selectPoint, runToEnd, setCode } from './support/app';

test('secrets are masked as <secret:NAME>, short values are not, and one checkbox shows them all', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  const secrets = page.getByRole('region', { name: 'Secrets' });
  for (const [name, value] of [
    ['DOMAIN', 'evil.com'],
    ['FLAG', 'true'],
  ] as const) {
    await secrets.getByRole('button', { name: 'Add secret' }).click();
    await secrets.getByRole('textbox', { name: 'Secret name' }).last().fill(name);
    await secrets.getByLabel('Secret value').last().fill(value);
  }
  await expect(secrets).toContainText(/FLAG.s value is too short to mask/);
  await expect(secrets.getByLabel('Secret value').last()).toHaveAccessibleDescription(
    /too short to mask/,
  );
  await expect(secrets).not.toContainText(/DOMAIN.s value is too short/);

  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  console.log('mallory@' + context.webtask.secrets.DOMAIN);",
      '  console.log(context.webtask.secrets.FLAG);',
      "  cb(null, { email: 'mallory@evil.com' });",
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const consoleRegion = page.getByRole('region', { name: 'Console' });
  await expect(consoleRegion).toContainText('mallory@<secret:DOMAIN>');
  await expect(consoleRegion).not.toContainText('evil.com');
  await expect(consoleRegion).not.toContainText('<secret:FLAG>');
  await expect(consoleRegion.getByRole('listitem').filter({ hasText: 'true' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Response' })).toContainText(
    'mallory@<secret:DOMAIN>',
  );

  await page.getByRole('tab', { name: 'Envelope' }).click();
  const envelope = page.getByRole('tabpanel', { name: 'Envelope' });
  await expect(envelope).toContainText('Secret values are masked');
  await expect(envelope).toContainText('mallory@<secret:DOMAIN>');
  await expect(envelope).not.toContainText('evil.com');

  const show = page.getByRole('checkbox', { name: 'Show secret values' });
  await show.check();
  await expect(envelope).toContainText('mallory@evil.com');
  await expect(envelope).not.toContainText('Secret values are masked');
  await page.getByRole('tab', { name: 'Result' }).click();
  await expect(consoleRegion).toContainText('mallory@evil.com');
  await expect(consoleRegion).not.toContainText('<secret:');

  await show.uncheck();
  await expect(consoleRegion).toContainText('mallory@<secret:DOMAIN>');
});
