import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, editorText, hookButton, hooksNav, openApp } from './support/app';

/** A deploy-cli directory export of one hook and its Action (src/workspace/fixtures/with-action). */
const FIXTURE = fileURLToPath(new URL('../src/workspace/fixtures/with-action/', import.meta.url));
const ACTION_CODE = readFileSync(`${FIXTURE}actions/add-plan/code.js`, 'utf8');

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Selects the hook and its Action tab, and waits for the editor to show `code`. */
async function expectActionCode(page: Page, hook: string, code: string): Promise<void> {
  await hookButton(page, hook).click();
  await page.getByRole('tablist', { name: 'Code' }).getByRole('tab', { name: 'Action' }).click();
  await expect
    .poll(async () => normalise(await editorText(page, 'Hook code')))
    .toBe(normalise(code));
}

async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import hooks' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function importAll(dialog: Locator, count: number): Promise<void> {
  await dialog
    .getByRole('button', { name: `Import ${count} ${count === 1 ? 'hook' : 'hooks'}` })
    .click();
  await expect(dialog.getByRole('status')).toContainText(
    `Imported ${count} ${count === 1 ? 'hook' : 'hooks'}.`,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** Exports all hooks as a deploy-cli directory zip and returns its files. */
async function exportDirectoryZip(
  page: Page,
): Promise<{ download: Download; files: Record<string, string> }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export hooks' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'All hooks' }).check();
  await dialog.getByRole('radio', { name: 'deploy-cli directory (zip)' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  const bytes = new Uint8Array(readFileSync(await download.path()));
  const files = Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
  );
  return { download, files };
}

test('a hook and its Action import from deploy-cli, export beside each other and import back', async ({
  page,
}) => {
  await openApp(page);

  const dialog = await openImport(page);
  await dialog.getByLabel('Choose folder').setInputFiles(FIXTURE);
  const found = dialog.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Add plan');
  await expect(found).toContainText('Pre-User Registration');
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toHaveCount(0);
  await importAll(dialog, 1);
  await expect(hooksNav(page).getByRole('button', { name: 'Add plan', exact: true })).toBeVisible();
  // The imported Action is the hook's Action draft, shown in its Action tab.
  await expectActionCode(page, 'Add plan', ACTION_CODE);

  // The export writes the Action beside its hook, in deploy-cli's Action format.
  const first = await exportDirectoryZip(page);
  expect(first.files['actions/add-plan/code.js']).toBe(ACTION_CODE);
  expect(JSON.parse(first.files['actions/add-plan.json']!)).toEqual({
    name: 'Add plan',
    code: './actions/add-plan/code.js',
    runtime: 'node22',
    dependencies: [{ name: 'lodash', version: '4.17.21' }],
    secrets: [{ name: 'PLAN', value: '_VALUE_NOT_SHOWN_' }],
    supported_triggers: [{ id: 'pre-user-registration', version: 'v2' }],
    deployed: false,
  });
  // The starter hook has no Action: nothing is written for it.
  expect(
    Object.keys(first.files)
      .filter((path) => path.startsWith('actions/'))
      .sort(),
  ).toEqual(['actions/add-plan.json', 'actions/add-plan/code.js']);

  // Import the zip back: the copy ("Add plan 2") carries the same Action.
  const again = await openImport(page);
  await again.getByLabel('Choose files').setInputFiles(await first.download.path());
  await expect(
    again.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem'),
  ).toHaveCount(2);
  await importAll(again, 2);
  await expect(
    hooksNav(page).getByRole('button', { name: 'Add plan 2', exact: true }),
  ).toBeVisible();

  await expectActionCode(page, 'Add plan 2', ACTION_CODE);

  const second = await exportDirectoryZip(page);
  expect(second.files['actions/add-plan-2/code.js']).toBe(ACTION_CODE);
  expect(JSON.parse(second.files['actions/add-plan-2.json']!)).toMatchObject({
    name: 'Add plan 2',
    dependencies: [{ name: 'lodash', version: '4.17.21' }],
    supported_triggers: [{ id: 'pre-user-registration', version: 'v2' }],
  });
});

test("a share link carries the hook's Action into a fresh browser", async ({ page, browser }) => {
  await openApp(page);
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose folder').setInputFiles(FIXTURE);
  await importAll(dialog, 1);
  await hookButton(page, 'Add plan').click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const decoded = JSON.parse(
    inflateRawSync(Buffer.from(link.split('#share=')[1]!, 'base64url')).toString('utf8'),
  ) as { action?: unknown };
  expect(decoded.action).toEqual({
    code: ACTION_CODE,
    dependencies: { lodash: '4.17.21' },
    notes: [],
  });

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await openApp(other, link);
    await expectActionCode(other, 'Add plan', ACTION_CODE);
  } finally {
    await fresh.close();
  }
});
