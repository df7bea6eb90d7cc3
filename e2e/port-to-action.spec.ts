import type { Page } from '@playwright/test';
import { test, expect, editorText, openApp, regionJson, runToEnd } from './support/app';

// Port to Action: a gallery hook becomes its Action (the Action tab), which runs like the hook.

async function loadExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page
    .getByRole('menu', { name: 'Examples' })
    .getByRole('menuitem', { name: new RegExp(title, 'i') })
    .first()
    .click();
}

const codePane = (page: Page) => page.getByRole('region', { name: 'Hook code' });
const tab = (page: Page, name: 'Hook' | 'Action') =>
  codePane(page).getByRole('tab', { name, exact: true });

/** Ports the selected hook from the Hook tab and waits for its Action (`shows`) in the editor. */
async function portToAction(page: Page, shows: string): Promise<void> {
  await expect(tab(page, 'Hook')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Port to Action' }).click();
  await expect(tab(page, 'Action')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(page, 'Hook code')).toContain(shows);
}

test('the seed "Add metadata" ports to an Action that sets the same metadata, listed as API calls', async ({
  page,
}) => {
  await openApp(page);
  await loadExample(page, 'Add metadata to new users');
  await portToAction(page, 'exports.onExecutePreUserRegistration');
  const action = await editorText(page, 'Hook code');
  expect(action).toContain('api.user.setUserMetadata');
  expect(action).toContain('api.user.setAppMetadata');
  await expect(page.getByRole('region', { name: 'Port notes' })).toContainText('No port notes');

  expect(await runToEnd(page)).toMatch(/^Action: Succeeded in \d+ ms/);
  expect(await regionJson(page, 'Merged user')).toMatchObject({
    user_metadata: { hobby: 'surfing', foo: 'bar' },
    app_metadata: { plan: 'full', vip: true, score: 7 },
  });
  const calls = page.getByRole('region', { name: 'API calls' }).getByRole('listitem');
  await expect(calls).toHaveText([
    /^api\.user\.setUserMetadata\("foo", "bar"\) line \d+:\d+$/,
    /^api\.user\.setAppMetadata\("vip", true\) line \d+:\d+$/,
    /^api\.user\.setAppMetadata\("score", 7\) line \d+:\d+$/,
  ]);

  // The Hook tab still runs the hook, as before.
  await tab(page, 'Hook').click();
  expect(await runToEnd(page)).toMatch(/^Succeeded in \d+ ms/);
  await expect(page.getByRole('region', { name: 'API calls' })).toHaveCount(0);
});

test('a hook that denies with PreUserRegistrationError ports to api.access.deny with the same user message', async ({
  page,
}) => {
  await openApp(page);
  await loadExample(page, 'Deny personal email domains');
  await portToAction(page, 'exports.onExecutePreUserRegistration');
  expect(await editorText(page, 'Hook code')).toContain('api.access.deny(');

  expect(await runToEnd(page)).toMatch(/^Action: Denied in \d+ ms — Signup denied/);
  await expect(
    page.getByText('Please sign up with your work email address.').first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'API calls' })).toContainText(
    'api.access.deny("Denied signup from personal email domain gmail.com", "Please sign up with your work email address.")',
  );
});

test('a credentials-exchange hook adding a namespaced claim ports to api.accessToken.setCustomClaim', async ({
  page,
}) => {
  await openApp(page);
  await loadExample(page, 'Add claims');
  await portToAction(page, 'exports.onExecuteCredentialsExchange');
  expect(await editorText(page, 'Hook code')).toContain(
    "api.accessToken.setCustomClaim('https://example.com/foo', 'bar')",
  );
  expect(await runToEnd(page)).toMatch(/^Action: Succeeded/);
  await expect(page.getByRole('region', { name: 'API calls' })).toContainText(
    'api.accessToken.setCustomClaim("https://example.com/foo", "bar")',
  );
});

test('a hook using webtask storage gets a port note that goes to its line; an edited Action is replaced only when confirmed', async ({
  page,
}) => {
  await openApp(page);
  await loadExample(page, 'Cache the gateway token in storage');
  await portToAction(page, '// TODO(port): Actions have no webtask storage');
  const notes = page.getByRole('region', { name: 'Port notes' });
  const storageNote = notes.getByRole('listitem').filter({ hasText: 'context.webtask.storage' });
  await expect(storageNote).toContainText(/^Line \d+: context\.webtask\.storage — /);
  await storageNote.getByRole('button', { name: /^Go to line \d+$/ }).click();

  // The Action editor has the focus: typing edits the Action. Porting again asks first, and
  // the edited Action is kept in History.
  await page.keyboard.type('// mine\n');
  await expect.poll(() => editorText(page, 'Hook code')).toContain('// mine');
  await page.getByRole('button', { name: 'Port to Action' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Replace the Action draft?' });
  await ask.getByRole('button', { name: 'Replace' }).click();
  await expect(
    page.getByText('The replaced Action draft was saved as a version (History).'),
  ).toBeVisible();
  await expect.poll(() => editorText(page, 'Hook code')).not.toContain('// mine');
});
