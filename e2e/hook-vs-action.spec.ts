import type { Locator, Page } from '@playwright/test';
import { editorText, expect, openApp, runToEnd, selectPoint, setCode, test } from './support/app';

// "Run both": a hook and its Action on the same inputs, side by side, and the hook's saved
// tests run on both.

const hookVsAction = (page: Page): Locator => page.getByRole('region', { name: 'Hook vs Action' });
const testsRegion = (page: Page): Locator => page.getByRole('region', { name: 'Tests' });

async function openExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menu', { name: 'Examples' }).getByRole('menuitem', { name: title }).click();
}

async function portToAction(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Port to Action' }).first().click();
  await expect(page.getByRole('button', { name: 'Run both' })).toBeEnabled();
}

async function runBoth(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Run both' }).click();
  const region = hookVsAction(page);
  await expect(region.getByRole('list', { name: 'Outcomes' })).toBeVisible({ timeout: 30_000 });
  return region;
}

test('the ported "Add metadata" example is equivalent; a changed value in the Action is a difference', async ({
  page,
}) => {
  await openApp(page);
  await openExample(page, 'Add metadata to new users');
  await expect(page.getByRole('button', { name: 'Run both' })).toBeDisabled();
  await portToAction(page);

  let region = await runBoth(page);
  await expect(region.getByText('Equivalent', { exact: true })).toBeVisible();
  await expect(region.getByRole('listitem')).toHaveText([
    /^Hook: Succeeded in \d+ ms$/,
    /^Action: Succeeded in \d+ ms$/,
  ]);

  await page.getByRole('tab', { name: 'Action' }).click();
  const action = await editorText(page, 'Hook code');
  expect(action).toContain("'bar'");
  await setCode(page, action.replace("'bar'", "'baz'"));
  await expect(region.getByText('Edited since this comparison')).toBeVisible();

  region = await runBoth(page);
  await expect(region.getByText('Equivalent', { exact: true })).toHaveCount(0);
  const differences = region.getByRole('list', { name: 'Differences' }).getByRole('listitem');
  await expect(differences.filter({ hasText: 'user_metadata.foo' })).toHaveCount(1);
  await expect(region.getByText('Edited since this comparison')).toHaveCount(0);
});

test('a hook denying with PreUserRegistrationError and its Action deny with the same user message', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    `module.exports = function (user, context, cb) {
  cb(new PreUserRegistrationError('Signups are paused', 'Signup is closed for now.'));
};`,
  );
  await portToAction(page);
  const region = await runBoth(page);
  await expect(region.getByText('Equivalent', { exact: true })).toBeVisible();
  const sides = region.getByRole('list', { name: 'Outcomes' }).getByRole('listitem');
  await expect(sides).toHaveText([
    /^Hook: Denied in \d+ ms — Signup denied\. Message to the user: “Signup is closed for now\.”$/,
    /^Action: Denied in \d+ ms — Signup denied\. Message to the user: “Signup is closed for now\.”$/,
  ]);
});

test("a hook's saved test runs on both the hook and its Action, and passes on both", async ({
  page,
}) => {
  await openApp(page);
  await openExample(page, 'Add metadata to new users');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await testsRegion(page).getByRole('button', { name: 'Save as test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as test' });
  await dialog.getByRole('button', { name: 'Save test' }).click();
  await expect(dialog).toHaveCount(0);

  const on = testsRegion(page).getByRole('radiogroup', { name: 'Run tests on' });
  await expect(on.getByRole('radio', { name: 'Hook' })).toBeChecked();
  await expect(on.getByRole('radio', { name: 'Both' })).toBeDisabled();
  await portToAction(page);
  await on.getByRole('radio', { name: 'Both' }).check();
  await testsRegion(page).getByRole('button', { name: 'Run all tests' }).click();
  await expect(testsRegion(page).getByRole('status')).toHaveText(
    'Hook: 1 passed, 0 failed · Action: 1 passed, 0 failed',
    { timeout: 30_000 },
  );
  await expect(
    testsRegion(page).getByRole('listitem', { name: 'Test 1', exact: true }),
  ).toContainText('Hook: passed · Action: passed');
});
