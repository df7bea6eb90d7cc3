import { editorText, expect, hookButton, hooksNav, openApp, test } from './support/app';

test('"New hook" asks for the point and the name, and refuses a taken name', async ({ page }) => {
  await openApp(page);
  await hooksNav(page).getByRole('button', { name: 'New hook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New hook' });
  // It proposes the selected hook's point and a free name after it.
  await expect(dialog.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'credentials-exchange',
  );
  await expect(dialog.getByRole('textbox', { name: 'Hook name' })).toHaveValue(
    'Client Credentials Exchange 2',
  );
  // The name follows the point until one is typed.
  await dialog
    .getByRole('combobox', { name: 'Extensibility point' })
    .selectOption({ label: 'Send Phone Message' });
  await expect(dialog.getByRole('textbox', { name: 'Hook name' })).toHaveValue(
    'Send Phone Message',
  );

  await dialog.getByRole('textbox', { name: 'Hook name' }).fill('Client Credentials Exchange');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(1);

  await dialog.getByRole('textbox', { name: 'Hook name' }).fill('Twilio SMS');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(hookButton(page, 'Twilio SMS')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'send-phone-message',
  );
  await expect.poll(() => editorText(page, 'Hook code')).toContain('@param {string} recipient');

  // Cancel adds nothing.
  await hooksNav(page).getByRole('button', { name: 'New hook' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(2);
});
