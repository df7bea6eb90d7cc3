import {
  test,
  expect,
  editorText,
  hookButton,
  hooksNav,
  openApp,
  selectPoint,
  setCode,
} from './support/app';

const USER_CODE = '// mine\nmodule.exports = function (user, context, cb) { cb(); };';

test('the point is one of the selected hook’s own settings', async ({ page }) => {
  await openApp(page);
  const settings = hooksNav(page)
    .getByRole('group', { name: /^Selected hook:/ })
    .getByRole('group', { name: 'Hook settings' });
  await expect(settings.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'credentials-exchange',
  );
  await expect(settings.getByRole('checkbox', { name: 'Enabled' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('combobox')).toHaveCount(0);
});

test('code that fits the new point moves without a question', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, USER_CODE);
  await selectPoint(page, 'Post Change Password');
  await expect(page.getByRole('dialog', { name: 'Change extensibility point?' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'post-change-password',
  );
  await expect.poll(() => editorText(page, 'Hook code')).toContain('// mine');
});

test('code that does not fit asks first: Cancel keeps the point, Change point moves it', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, USER_CODE);
  const picker = page.getByRole('combobox', { name: 'Extensibility point' });

  await selectPoint(page, 'Send Phone Message');
  const question = page.getByRole('dialog', { name: 'Change extensibility point?' });
  await expect(question).toContainText('(user, context, cb)');
  await expect(question).toContainText('Send Phone Message passes (recipient, text, context, cb)');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  await expect(picker).toHaveValue('pre-user-registration');
  await expect(hookButton(page, 'Pre-User Registration')).toContainText('Pre-User Registration');

  await selectPoint(page, 'Send Phone Message');
  await question.getByRole('button', { name: 'Change point' }).click();
  await expect(question).toBeHidden();
  await expect(picker).toHaveValue('send-phone-message');
  // The code stays as the user wrote it.
  await expect.poll(() => editorText(page, 'Hook code')).toContain('// mine');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'send-phone-message',
  );
});
