import type { Page } from '@playwright/test';
import {
  createHook,
  editorText,
  expect,
  hookButton,
  hooksNav,
  openApp,
  runToEnd,
  selectPoint,
  setCode,
  test,
  waitForEditors,
} from './support/app';

const selectedHook = (page: Page) => hooksNav(page).locator('[aria-current="true"]');

test('create, duplicate, rename, filter, delete and undo hooks', async ({ page }) => {
  await openApp(page);
  await expect(selectedHook(page)).toHaveAccessibleName('Client Credentials Exchange');

  await createHook(page);
  await expect(selectedHook(page)).toHaveAccessibleName('Client Credentials Exchange 2');
  // The picker is the selected hook's point; an untouched starter follows it.
  await selectPoint(page, 'Pre-User Registration');
  await expect(selectedHook(page)).toHaveAccessibleName('Pre-User Registration');
  expect(await editorText(page, 'Hook code')).toContain('function (user, context, cb)');

  await setCode(
    page,
    '// deny disposable\nmodule.exports = function (user, context, cb) { cb(); };',
  );
  await hooksNav(page).getByRole('button', { name: 'Duplicate' }).click();
  await expect(selectedHook(page)).toHaveAccessibleName('Pre-User Registration copy');
  expect(await editorText(page, 'Hook code')).toContain('// deny disposable');

  // Rename with the platform's name rule.
  await hooksNav(page).getByRole('button', { name: 'Rename' }).click();
  await hooksNav(page).getByLabel('Hook name').fill('deny_disposable!');
  await hooksNav(page).getByRole('button', { name: 'Save name' }).click();
  await expect(hooksNav(page).getByRole('alert')).toContainText('letters, digits, spaces');
  await hooksNav(page).getByLabel('Hook name').fill('Deny disposable');
  await hooksNav(page).getByLabel('Hook name').press('Enter');
  await expect(selectedHook(page)).toHaveAccessibleName('Deny disposable');

  await hooksNav(page).getByLabel('Filter hooks').fill('deny');
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(1);
  await hooksNav(page).getByLabel('Filter hooks').fill('');
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(3);

  await hooksNav(page).getByRole('button', { name: 'Delete' }).click();
  await expect(hookButton(page, 'Deny disposable')).toHaveCount(0);
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(selectedHook(page)).toHaveAccessibleName('Deny disposable');
  expect(await editorText(page, 'Hook code')).toContain('// deny disposable');

  // One enabled hook per point: enabling a second one asks first.
  await hooksNav(page).getByRole('checkbox', { name: 'Enabled' }).check();
  await hookButton(page, 'Pre-User Registration').click();
  await hooksNav(page).getByRole('checkbox', { name: 'Enabled' }).click();
  const ask = hooksNav(page).getByRole('alertdialog', { name: 'Enable this hook?' });
  await expect(ask).toContainText('“Deny disposable” is the enabled');
  await expect(hooksNav(page).getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();
  await ask.getByRole('button', { name: 'Enable this one' }).click();
  await expect(hooksNav(page).getByRole('checkbox', { name: 'Enabled' })).toBeChecked();
  await hookButton(page, 'Deny disposable').click();
  await expect(hooksNav(page).getByRole('checkbox', { name: 'Enabled' })).not.toBeChecked();

  // All of it survives a reload.
  await page.reload();
  await waitForEditors(page);
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(3);
  await expect(selectedHook(page)).toHaveAccessibleName('Deny disposable');
  expect(await editorText(page, 'Hook code')).toContain('// deny disposable');
});

test('an edit typed just before a reload is not lost, and running never saves a version', async ({
  page,
}) => {
  await openApp(page);
  await setCode(
    page,
    'module.exports = function (client, scope, audience, context, cb) { cb(null, { typed: "late" }); };',
  );
  // No pause: pagehide writes what the debounce still holds.
  await page.reload();
  await waitForEditors(page);
  expect(await editorText(page, 'Hook code')).toContain('typed: "late"');
  await expect(await runToEnd(page)).toMatch(/Succeeded/);
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'No saved versions yet',
  );
});

test('two pages on the same workspace see each other’s edits', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  const b = await context.newPage();
  await openApp(b);
  await expect(selectedHook(b)).toHaveAccessibleName('Client Credentials Exchange');

  // The user switches tabs to type: a tab behind another gets few animation frames, and
  // Playwright's actions wait for them (~2 s each on 2 CPUs).
  await a.bringToFront();
  await setCode(
    a,
    '// edited in A\nmodule.exports = function (c, s, a, ctx, cb) { cb(null, {}); };',
  );
  await expect.poll(() => editorText(b, 'Hook code')).toContain('// edited in A');

  await b.bringToFront();
  await createHook(b);
  await expect(hookButton(a, 'Client Credentials Exchange 2')).toBeVisible();
  // Selection is per page: A stays where it was.
  await expect(selectedHook(a)).toHaveAccessibleName('Client Credentials Exchange');
});

test('a conflicting edit in two pages is reported and both versions can be kept', async ({
  context,
}) => {
  // Edits are stored after 3 s of quiet here (the default is 300 ms), so both pages edit
  // the same hook before either edit is stored: whichever lands second conflicts.
  const a = await context.newPage();
  await openApp(a, '/?saveDelayMs=3000');
  const b = await context.newPage();
  await openApp(b, '/?saveDelayMs=3000');
  await expect(selectedHook(b)).toHaveAccessibleName('Client Credentials Exchange');

  // The user switches tabs to type (see the journey above).
  await a.bringToFront();
  await setCode(a, '// from A\nmodule.exports = function (c, s, a, ctx, cb) { cb(null, {}); };');
  await b.bringToFront();
  await setCode(b, '// from B\nmodule.exports = function (c, s, a, ctx, cb) { cb(null, {}); };');
  const conflictIn = async (page: Page) =>
    (await page.getByRole('alert').filter({ hasText: 'was changed in another tab' }).count()) > 0;
  await expect.poll(async () => (await conflictIn(a)) || (await conflictIn(b))).toBe(true);
  const [loser, winner] = (await conflictIn(a)) ? [a, b] : [b, a];
  const loserCode = (await conflictIn(a)) ? '// from A' : '// from B';
  const winnerCode = loserCode === '// from A' ? '// from B' : '// from A';

  await loser.bringToFront();
  await loser.getByRole('button', { name: 'Keep both' }).click();
  // The loser's edit is now a hook of its own, in both pages; the original holds the winner's.
  for (const page of [loser, winner]) {
    await expect(hookButton(page, 'Client Credentials Exchange copy')).toBeVisible();
  }
  await winner.bringToFront();
  await hookButton(winner, 'Client Credentials Exchange copy').click();
  await expect.poll(() => editorText(winner, 'Hook code')).toContain(loserCode);
  await hookButton(winner, 'Client Credentials Exchange').click();
  await expect.poll(() => editorText(winner, 'Hook code')).toContain(winnerCode);
  await loser.bringToFront();
  await hookButton(loser, 'Client Credentials Exchange').click();
  await expect.poll(() => editorText(loser, 'Hook code')).toContain(winnerCode);
});
