import type { Locator, Page } from '@playwright/test';
import {
  test,
  expect,
  editorText,
  openApp,
  runToEnd,
  selectPoint,
  setCode,
  waitForEditors,
} from './support/app';

const testsRegion = (page: Page): Locator => page.getByRole('region', { name: 'Tests' });
const testsStatus = (page: Page): Locator => testsRegion(page).getByRole('status');
const testItem = (page: Page, name: string): Locator =>
  testsRegion(page).getByRole('listitem', { name, exact: true });
/**
 * A test run starts a sandbox of its own, which on a loaded machine (and first after a reload)
 * takes longer than an assertion's default wait: test runs get the wait that runToEnd gives runs.
 */
const TEST_RUN_TIMEOUT = 30_000;

/** "Save as test" with the dialog's proposed name and parts (plus any ticked here). */
async function saveAsTest(page: Page, expected: { name: string; checked: string[] }) {
  await testsRegion(page).getByRole('button', { name: 'Save as test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as test' });
  await expect(dialog.getByRole('textbox', { name: 'Test name' })).toHaveValue(expected.name);
  for (const part of expected.checked) {
    await expect(dialog.getByRole('checkbox', { name: part, exact: true })).toBeChecked();
  }
  await dialog.getByRole('button', { name: 'Save test' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(testItem(page, expected.name)).toBeVisible();
}

/** Replaces the text of one of the Edit test dialog's JSON editors (pasted, as in setCode). */
async function setDialogJson(page: Page, label: string, text: string): Promise<void> {
  const editor = page.getByRole('region', { name: label }).locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

// The seed "Add Metadata to New Users" (as in results.spec.ts), and an edit of its metadata.
const ADD_METADATA = `module.exports = function (user, context, cb) {
  var response = {};

  response.user = {
   user_metadata: { foo: 'bar' },
   app_metadata: { vip: true, score: 7 }
  };

  cb(null, response);
};`;
const NO_LONGER_VIP = ADD_METADATA.replace('vip: true', 'vip: false');

test('a saved run fails once the code changes the merged user, with Expected and Actual, and passes again once restored', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, ADD_METADATA);
  await expect(testsRegion(page).getByRole('button', { name: 'Save as test' })).toBeDisabled();
  await expect(testsRegion(page).getByRole('button', { name: 'Run all tests' })).toBeDisabled();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);

  await saveAsTest(page, { name: 'Test 1', checked: ['Response', 'Merged user', 'Outcome'] });
  await expect(testItem(page, 'Test 1')).toContainText('not run');

  await setCode(page, NO_LONGER_VIP);
  await testsRegion(page).getByRole('button', { name: 'Run all tests' }).click();
  await expect(testsStatus(page)).toHaveText('0 passed, 1 failed', { timeout: TEST_RUN_TIMEOUT });
  const failed = testItem(page, 'Test 1');
  await expect(failed).toContainText('failed');
  await expect(failed.getByRole('region', { name: 'Expected' }).first()).toBeVisible();
  await expect(failed.getByRole('region', { name: 'Actual' }).first()).toContainText(
    '"vip": false',
  );
  await expect(
    failed.getByText(/app_metadata\.vip: expected true, got false/).first(),
  ).toBeVisible();
  await expect(failed.getByRole('button', { name: 'Load into workbench' })).toBeVisible();

  await setCode(page, ADD_METADATA);
  await testsRegion(page).getByRole('button', { name: 'Run test Test 1' }).click();
  await expect(testsStatus(page)).toHaveText('1 passed, 0 failed', { timeout: TEST_RUN_TIMEOUT });
  await expect(testItem(page, 'Test 1')).toContainText('passed');
  await expect(testItem(page, 'Test 1').getByRole('region', { name: 'Expected' })).toHaveCount(0);

  // The test is stored with its hook: a reload reads it back (results belong to the tab).
  await page.reload();
  await waitForEditors(page);
  await expect(testsStatus(page)).toHaveText('Not run yet.');
  await testsRegion(page).getByRole('button', { name: 'Run all tests' }).click();
  await expect(testsStatus(page)).toHaveText('1 passed, 0 failed', { timeout: TEST_RUN_TIMEOUT });
  await expect(testItem(page, 'Test 1')).toContainText('passed');
});

const SILENT_FOR_ONE = [
  'module.exports = function (user, context, cb) {',
  "  if (user.username === 'silent') return; // never calls back",
  '  cb(null, { user: { app_metadata: { checked: true } } });',
  '};',
].join('\n');

/** The point's documented payload, for a user the hook never answers. */
const SILENT_PAYLOAD = {
  user: {
    tenant: 'my-tenant',
    username: 'silent',
    email: 'silent@example.com',
    emailVerified: false,
    user_metadata: {},
    app_metadata: {},
  },
  context: {
    requestLanguage: 'en-us',
    connection: { id: 'con_1', name: 'Username-Password-Authentication', tenant: 'my-tenant' },
  },
};

test('a test that never calls back times out on its own timeout while the others still pass, here and for the workspace', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, SILENT_FOR_ONE);
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await saveAsTest(page, { name: 'Test 1', checked: ['Outcome', 'Merged user'] });
  await saveAsTest(page, { name: 'Test 2', checked: ['Outcome'] });

  await testsRegion(page).getByRole('button', { name: 'Edit test Test 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit test' });
  await dialog.getByRole('textbox', { name: 'Test name' }).fill('Silent signup');
  await setDialogJson(page, 'Test payload', JSON.stringify(SILENT_PAYLOAD));
  await setDialogJson(page, 'Overrides', '{ "timeoutMs": 1000 }');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(testItem(page, 'Silent signup')).toBeVisible();

  await testsRegion(page).getByRole('button', { name: 'Run all tests' }).click();
  // The silent test holds the batch open for its whole second.
  const progress = testsRegion(page).getByRole('progressbar', { name: 'Test progress' });
  await expect(progress).toBeVisible();
  await expect(testsStatus(page)).toHaveText('1 passed, 0 failed, 1 timed out', {
    timeout: TEST_RUN_TIMEOUT,
  });
  await expect(progress).toHaveCount(0);
  await expect(testItem(page, 'Test 1')).toContainText('passed');
  await expect(testItem(page, 'Silent signup')).toContainText('timed out');

  // Its inputs go to the workbench to debug it there: the payload and its own timeout.
  await testItem(page, 'Silent signup')
    .getByRole('button', { name: 'Load into workbench' })
    .click();
  await expect(page.getByLabel('Timeout (ms)')).toHaveValue('1000');
  await expect.poll(() => editorText(page, 'Payload')).toContain('"silent"');

  await page.getByRole('button', { name: 'Run all tests in workspace' }).click();
  const workspace = page.getByRole('region', { name: 'Workspace test results' });
  await expect(workspace.getByRole('listitem')).toHaveCount(1);
  await expect(workspace.getByRole('listitem')).toContainText('1 passed, 0 failed, 1 timed out');
});

test('Edit refuses expectations that break the schema and keeps the saved ones; Delete asks first', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  // A test needs a name: the dialog says so and stays.
  await testsRegion(page).getByRole('button', { name: 'Save as test' }).click();
  const save = page.getByRole('dialog', { name: 'Save as test' });
  await save.getByRole('textbox', { name: 'Test name' }).fill('  ');
  await save.getByRole('button', { name: 'Save test' }).click();
  await expect(save.getByRole('alert')).toHaveText('A test needs a name.');
  await save.getByRole('textbox', { name: 'Test name' }).fill('Test 1');
  await save.getByRole('button', { name: 'Save test' }).click();
  await expect(save).toHaveCount(0);

  await testsRegion(page).getByRole('button', { name: 'Edit test Test 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit test' });
  await setDialogJson(page, 'Expectations', '{ "outcome": { "status": "won" } }');
  await expect(dialog.getByText(/^Expectations problem: outcome/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  await setDialogJson(page, 'Expectations', '{ "outcome": ');
  await expect(dialog.getByText(/^Expectations problem: Not valid JSON/)).toBeVisible();

  // Completion comes from the expectations' schema (the JSON worker may answer late).
  await setDialogJson(page, 'Expectations', '{\n  \n}');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  const options = dialog.getByRole('region', { name: 'Expectations' }).getByRole('option');
  // (Escape would close the dialog, so the widget is asked again only while it is closed.)
  await expect(async () => {
    if ((await options.count()) === 0) await page.keyboard.press('ControlOrMeta+Space');
    await expect(options.filter({ hasText: 'mergedUser' })).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(options.filter({ hasText: 'messageToUser' })).toHaveCount(1);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await testsRegion(page).getByRole('button', { name: 'Edit test Test 1' }).click();
  await expect.poll(() => editorText(page, 'Expectations')).toContain('"succeeded"');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await testsRegion(page).getByRole('button', { name: 'Delete test Test 1' }).click();
  await testsRegion(page).getByRole('button', { name: 'Keep test Test 1' }).click();
  await expect(testItem(page, 'Test 1')).toBeVisible();
  await testsRegion(page).getByRole('button', { name: 'Delete test Test 1' }).click();
  await testsRegion(page).getByRole('button', { name: 'Confirm delete test Test 1' }).click();
  await expect(testItem(page, 'Test 1')).toHaveCount(0);
  await expect(testsStatus(page)).toHaveText('No tests yet.');
});

test('a dialog whose code cannot be loaded says so; opening it again or Try again loads it', async ({
  page,
}) => {
  await openApp(page);
  expect(await runToEnd(page)).toMatch(/Succeeded/);
  // The dialogs' code cannot be fetched (offline before the app was cached, or a deploy
  // replaced the files). Routing also keeps the HTTP cache out of the way.
  const saveCode = /\/assets\/SaveAsTestDialog-[^/]+\.js$/;
  const asked: string[] = [];
  await page.route(saveCode, (route) => {
    asked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await testsRegion(page).getByRole('button', { name: 'Save as test' }).click();
  const alert = testsRegion(page).getByRole('alert');
  await expect(alert).toContainText('The Save as test dialog could not be loaded');
  await expect(page.getByRole('dialog', { name: 'Save as test' })).toHaveCount(0);
  // It asked once or twice (pointing at the button preloads it, the click asks again), and
  // then waits for the user instead of asking in a loop.
  const askedBeforeClose = asked.length;
  expect(askedBeforeClose).toBeLessThanOrEqual(2);
  await page.waitForTimeout(500);
  expect(asked).toHaveLength(askedBeforeClose);

  // Closed, then opened again once the code can be fetched: it loads.
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);
  await page.unroute(saveCode);
  await saveAsTest(page, { name: 'Test 1', checked: [] });

  // The Edit test dialog: "Try again" once the code can be fetched.
  const editCode = /\/assets\/EditTestDialog-[^/]+\.js$/;
  await page.route(editCode, (route) => route.abort('internetdisconnected'));
  await testsRegion(page).getByRole('button', { name: 'Edit test Test 1' }).click();
  await expect(alert).toContainText('The Edit test dialog could not be loaded');
  await page.unroute(editCode);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toHaveCount(0);
  const dialog = page.getByRole('dialog', { name: 'Edit test' });
  await expect(dialog.getByRole('textbox', { name: 'Test name' })).toHaveValue('Test 1');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});
