import {
  editorText,
  expect,
  openApp,
  runToEnd,
  selectPoint,
  setCode,
  setPayload,
  test,
  waitForEditors,
} from './support/app';

const SECRET = 'sk_live_4f9a8b7c6d5e';
const PASSWORD = 'Hunter2-very-secret';

test('a reproduction report and link redact secrets and the password, and the link reproduces the setup', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    `module.exports = function (user, context, cb) {
  console.log('key', context.webtask.secrets.API_KEY, 'pw', user.password);
  cb(null, { user: { app_metadata: { plan: 'gold' } } });
};`,
  );
  await setPayload(page, {
    user: { email: 'ana@example.com', password: PASSWORD, tenant: 't', username: 'ana' },
    context: {
      requestLanguage: 'en-us',
      connection: { id: 'con_1', name: 'Username-Password-Authentication', tenant: 't' },
    },
  });
  const secrets = page.getByRole('region', { name: 'Secrets' });
  await secrets.getByRole('button', { name: 'Add secret' }).click();
  await secrets.getByLabel('Secret name').fill('API_KEY');
  await secrets.getByLabel('Secret value').fill(SECRET);
  expect(await runToEnd(page)).toMatch(/^Succeeded/);

  await page.getByRole('button', { name: 'Copy reproduction' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reproduction' });
  await expect(dialog.getByRole('status')).toHaveText('Report copied to the clipboard.');
  const report = await dialog.getByLabel('Reproduction report').inputValue();
  expect(report).not.toContain(SECRET);
  expect(report).not.toContain(PASSWORD);
  expect(report).toContain('<secret:API_KEY>');
  expect(report).toContain('"<redacted>"');
  expect(report).toContain("cb(null, { user: { app_metadata: { plan: 'gold' } } });");
  expect(report).toMatch(/Status: succeeded in \d+ ms/);
  expect(report).toContain('Hookpad version');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);
  const redactions = dialog.getByRole('list', { name: 'Redactions' });
  await expect(redactions).toContainText('API_KEY');
  await expect(redactions).toContainText('password');

  // Opting in puts the values back, and the report says nothing was redacted.
  await dialog.getByLabel('Include secret values').check();
  await dialog.getByLabel('Include passwords').check();
  await expect(dialog).toContainText('Nothing was redacted.');
  await expect(dialog.getByLabel('Reproduction report')).toHaveValue(new RegExp(SECRET));
  await dialog.getByLabel('Include secret values').uncheck();
  await dialog.getByLabel('Include passwords').uncheck();
  await expect(dialog.getByRole('list', { name: 'Redactions' })).toContainText('API_KEY');
  const link = await dialog.getByLabel('Reproduction link').inputValue();
  expect(link).toMatch(/#share=/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    await waitForEditors(other);
    await expect(other.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
      'pre-user-registration',
    );
    await expect.poll(() => editorText(other, 'Hook code')).toContain("plan: 'gold'");
    const payload = await editorText(other, 'Payload');
    expect(payload).toContain('<redacted>');
    expect(payload).not.toContain(PASSWORD);
    const otherSecrets = other.getByRole('region', { name: 'Secrets' });
    await expect(otherSecrets.getByLabel('Secret name')).toHaveValue('API_KEY');
    await expect(otherSecrets.getByLabel('Secret value')).toHaveValue('');
    await expect(otherSecrets.getByText(/^Value not exported/)).toBeVisible();
    // The same setup runs: with the secret filled in again, the hook succeeds.
    await otherSecrets.getByLabel('Secret value').fill('another-key');
    expect(await runToEnd(other)).toMatch(/^Succeeded/);
  } finally {
    await fresh.close();
  }
});
