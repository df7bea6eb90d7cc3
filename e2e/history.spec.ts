import type { Page } from '@playwright/test';
import { test, expect, openApp, setCode, editorText, waitForEditors } from './support/app';

const hookCode = (plan: string): string =>
  [
    'module.exports = function (client, scope, audience, context, cb) {',
    `  const plan = '${plan}';`,
    '  cb(null, { scope: scope, plan: plan });',
    '};',
  ].join('\n');

const history = (page: Page) => page.getByRole('region', { name: 'History' });
const versions = (page: Page) => history(page).getByRole('listitem');
const codeRegion = (page: Page) => page.getByRole('region', { name: 'Hook code' });
/** Monaco marks the editor that has the keyboard focus. */
const focusedEditor = (page: Page) => codeRegion(page).locator('.monaco-editor.focused');
const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

test('save a version, compare it with the draft, restore it; Ctrl+S saves; versions persist', async ({
  page,
}) => {
  await openApp(page);
  await expect(history(page)).toContainText(
    'No saved versions yet. Save version (Ctrl+S) records the draft; running never changes a version.',
  );
  await expect(versions(page)).toHaveCount(0);

  // Save a version with a message.
  await setCode(page, hookCode('v1-original'));
  const unsaved = page.getByText('Unsaved changes', { exact: true });
  await expect(unsaved).toBeVisible();
  await page.getByRole('button', { name: 'Save version' }).click();
  const message = page.getByRole('textbox', { name: 'Version message' });
  await expect(message).toBeFocused();
  await message.fill('First plan');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(notice(page, 'Version saved')).toBeVisible();
  await expect(message).toHaveCount(0);
  await expect(unsaved).toHaveCount(0);
  await expect(versions(page)).toHaveCount(1);
  const first = versions(page).filter({ hasText: 'First plan' });
  await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);

  // Edit the draft: the version stays as it was.
  await setCode(page, hookCode('v2-edited'));
  await expect(unsaved).toBeVisible();
  await expect(versions(page)).toHaveCount(1);

  // Compare: Monaco's diff editor, the version on the left, the draft on the right.
  await first.getByRole('button', { name: 'Compare' }).click();
  await expect(
    codeRegion(page).getByRole('heading', {
      name: /^Comparing the version of .+ “First plan” with the draft$/,
    }),
  ).toBeVisible();
  const diff = codeRegion(page).locator('.monaco-diff-editor');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.editor.original .view-lines')).toContainText('v1-original');
  await expect(diff.locator('.editor.modified .view-lines')).toContainText('v2-edited');
  await codeRegion(page).getByRole('button', { name: 'Close comparison' }).click();
  await expect(diff).toHaveCount(0);
  await expect(codeRegion(page).locator('.monaco-editor')).toBeVisible();
  expect(await editorText(page, 'Hook code')).toContain('v2-edited');

  // Restore: the old code comes back, and the unsaved draft is kept as a version first.
  await first.getByRole('button', { name: 'Restore' }).click();
  await expect(
    notice(page, 'Version restored — the previous draft was kept in History'),
  ).toBeVisible();
  await expect.poll(() => editorText(page, 'Hook code')).toContain('v1-original');
  await expect(versions(page)).toHaveCount(2);
  await expect(versions(page).first()).toContainText('Draft before restoring');
  await expect(versions(page).last()).toContainText('First plan');

  // Ctrl+S inside the editor opens the message form instead of the browser's dialog.
  await page.evaluate(() => {
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
          document.body.dataset.saveKeyPrevented = String(event.defaultPrevented);
        }
      },
      { capture: true },
    );
  });
  await setCode(page, hookCode('v3-keyboard'));
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.locator('body')).toHaveAttribute('data-save-key-prevented', 'true');
  await expect(message).toBeFocused();
  // Escape cancels and gives the editor its focus back.
  await message.press('Escape');
  await expect(message).toHaveCount(0);
  await expect(focusedEditor(page)).toHaveCount(1);
  await expect(versions(page)).toHaveCount(2);
  // Enter saves.
  await page.keyboard.press('ControlOrMeta+S');
  await message.fill('Saved from the keyboard');
  await message.press('Enter');
  await expect(versions(page)).toHaveCount(3);
  await expect(versions(page).first()).toContainText('Saved from the keyboard');
  await expect(focusedEditor(page)).toHaveCount(1);

  // A version without a message says so.
  await setCode(page, hookCode('v4-no-message'));
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(versions(page)).toHaveCount(4);
  await expect(versions(page).first()).toContainText('No message');

  // The versions are stored with the hook (IndexedDB) and survive a reload.
  await page.reload();
  await waitForEditors(page);
  await expect(versions(page)).toHaveCount(4);
  await expect(versions(page).filter({ hasText: 'First plan' })).toHaveCount(1);
  await expect(versions(page).filter({ hasText: 'Saved from the keyboard' })).toHaveCount(1);
  expect(await editorText(page, 'Hook code')).toContain('v4-no-message');
});
