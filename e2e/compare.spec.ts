import type { Page } from '@playwright/test';
import { test, expect, openApp, setCode } from './support/app';

/** Ten lines; `first` and `last` land on lines 2 and 9, far enough apart to be two changes. */
const hookCode = (first: string, last: string): string =>
  [
    'module.exports = function (client, scope, audience, context, cb) {',
    `  const first = '${first}';`,
    '  const a = 1;',
    '  const b = 2;',
    '  const c = 3;',
    '  const d = 4;',
    '  const e = 5;',
    '  const f = 6;',
    `  const last = '${last}';`,
    '  cb(null, { scope: scope, first: first, last: last, sum: a + b + c + d + e + f });',
    '};',
  ].join('\n');

const history = (page: Page) => page.getByRole('region', { name: 'History' });
const compareButton = (page: Page) => history(page).getByRole('button', { name: 'Compare' });
const compareDialog = (page: Page) =>
  page.getByRole('dialog', { name: /^Comparing the version of .+ “Before” with the draft$/ });

/** A saved version ("Before") and a draft that differs from it on lines 2 and 9. */
async function versionAndEditedDraft(page: Page): Promise<void> {
  await openApp(page);
  await setCode(page, hookCode('one', 'nine'));
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByRole('textbox', { name: 'Version message' }).fill('Before');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(history(page).getByRole('listitem')).toHaveCount(1);
  await setCode(page, hookCode('ONE', 'NINE'));
}

test('Compare opens wide, side by side, steps through the changes, and gives the focus back', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await versionAndEditedDraft(page);

  await compareButton(page).click();
  const dialog = compareDialog(page);
  await expect(dialog).toBeVisible();
  const diff = dialog.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible();
  await expect(diff).toHaveClass(/\bside-by-side\b/);
  const box = await diff.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(0.7 * 1280);
  await expect(diff.locator('.editor.original .view-lines')).toContainText("'nine'");
  await expect(diff.locator('.editor.modified .view-lines')).toContainText("'NINE'");
  // The diff editor's text areas are named.
  await expect(dialog.getByRole('textbox', { name: /^Draft \(JavaScript\)/ })).toHaveCount(1);
  await expect(dialog.getByRole('textbox', { name: /^Saved version \(read-only\)/ })).toHaveCount(
    1,
  );

  // Next / Previous change move the draft's cursor from change to change, and say where.
  const where = dialog.getByRole('status');
  const activeLine = diff.locator('.editor.modified .active-line-number');
  await dialog.getByRole('button', { name: 'Next change' }).click();
  await expect(where).toHaveText('Change 1 of 2, line 2 of the draft');
  await expect(activeLine).toHaveText('2');
  await dialog.getByRole('button', { name: 'Next change' }).click();
  await expect(where).toHaveText('Change 2 of 2, line 9 of the draft');
  await expect(activeLine).toHaveText('9');
  await dialog.getByRole('button', { name: 'Previous change' }).click();
  await expect(where).toHaveText('Change 1 of 2, line 2 of the draft');
  await expect(activeLine).toHaveText('2');

  // Close comparison: the focus goes back to the Compare button.
  await dialog.getByRole('button', { name: 'Close comparison' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(compareButton(page)).toBeFocused();
  await expect(compareButton(page)).toHaveAttribute('aria-pressed', 'false');

  // Escape closes it too.
  await compareButton(page).click();
  await expect(compareDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(compareDialog(page)).toHaveCount(0);
  await expect(compareButton(page)).toBeFocused();
});

test('Compare in a narrow window shows one inline column', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 800 });
  await versionAndEditedDraft(page);

  await compareButton(page).click();
  const dialog = compareDialog(page);
  const diff = dialog.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible();
  await expect(diff).not.toHaveClass(/\bside-by-side\b/);
  // Inline: the draft's editor shows both the removed and the added line.
  await expect(diff.locator('.editor.modified')).toContainText("'nine'");
  await expect(diff.locator('.editor.modified')).toContainText("'NINE'");
  await dialog.getByRole('button', { name: 'Next change' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Change 1 of 2, line 2 of the draft');
});
