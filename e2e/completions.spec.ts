import type { Page } from '@playwright/test';
import { test, expect, openApp, selectPoint, setCode, setPayload } from './support/app';

// The code editor knows the hook's point: its completions come from the point's
// declarations (core/pointTypings), whatever the hook's comments say.

const BODY_START = 'module.exports = function (user, context, cb) {';

/** Replaces the hook with `head` + an empty body line, and types `typed` on that line. */
async function typeInHook(page: Page, head: string, typed: string): Promise<void> {
  await setCode(page, `${head}\n  \n};`);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.type(typed);
}

/**
 * The suggest widget's rows (options of a listbox), named "label, kind": "email, Field"
 * comes from the declarations, "email, Text" would only be a word of the document.
 */
const suggestions = (page: Page) =>
  page.getByRole('region', { name: 'Hook code' }).getByRole('listbox').getByRole('option');
const suggestion = (page: Page, name: string) =>
  page
    .getByRole('region', { name: 'Hook code' })
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(`^${name}, (Field|Property|Class)$`) });

/**
 * The labels of the suggestions Monaco shows. The TypeScript worker starts after the page
 * and answers late the first time, so the widget is asked again (Ctrl+Space) until it has.
 */
async function expectSuggestions(page: Page, names: string[]): Promise<void> {
  await expect(async () => {
    if ((await suggestions(page).count()) === 0) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('ControlOrMeta+Space');
    }
    for (const name of names) {
      await expect(suggestion(page, name)).toHaveCount(1, { timeout: 2_000 });
    }
  }).toPass({ timeout: 40_000 });
}

/** Adds a secret in the Secrets region (kept here so a change of that UI is one edit). */
async function addSecret(page: Page, name: string, value: string): Promise<void> {
  const secrets = page.getByRole('region', { name: 'Secrets' });
  await secrets.getByRole('button', { name: 'Add secret' }).click();
  await secrets.getByRole('textbox', { name: 'Secret name' }).last().fill(name);
  await secrets.getByLabel('Secret value').last().fill(value);
}

test('user. offers the point’s user fields without the starter comment', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await typeInHook(page, BODY_START, 'user.');
  await expectSuggestions(page, ['user_metadata', 'app_metadata', 'email']);
});

test('a secret added in Secrets is offered under context.webtask.secrets', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await addSecret(page, 'API_KEY', 'sk_live_123456');
  await typeInHook(page, BODY_START, 'context.webtask.secrets.');
  await expectSuggestions(page, ['API_KEY']);
});

test('only the point’s error classes are offered', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Client Credentials Exchange');
  const exchange = 'module.exports = function (client, scope, audience, context, cb) {';
  // The point's own classes are there: the editor has the exchange's declarations.
  await typeInHook(page, exchange, 'cb(new InvalidS');
  await expectSuggestions(page, ['InvalidScopeError']);
  await page.keyboard.press('Escape');
  await typeInHook(page, exchange, 'cb(new PreUserRegistrat');
  await page.keyboard.press('ControlOrMeta+Space');
  await expect(page.getByRole('region', { name: 'Hook code' })).toContainText(/No suggestions/);
  await expect(suggestion(page, 'PreUserRegistrationError')).toHaveCount(0);

  await page.keyboard.press('Escape');
  // Code that fits the new point moves without the "Change extensibility point?" question.
  await setCode(page, `${BODY_START}\n};`);
  await selectPoint(page, 'Pre-User Registration');
  await typeInHook(page, BODY_START, 'cb(new PreUserRegistrat');
  await expectSuggestions(page, ['PreUserRegistrationError']);
});

test('the payload editor warns of a wrong type the platform accepts, and errs where it refuses', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  const payload = page.getByRole('region', { name: 'Payload' });
  await setPayload(page, { user: { emailVerified: 'yes' }, context: { connection: {} } });
  await expect(payload.locator('.squiggly-warning')).toHaveCount(1, { timeout: 30_000 });
  await expect(payload.locator('.squiggly-error')).toHaveCount(0);
  await setPayload(page, { user: { emailVerified: true }, context: { connection: {} } });
  await expect(payload.locator('.squiggly-warning')).toHaveCount(0);

  await selectPoint(page, 'Send Phone Message');
  await setPayload(page, { recipient: 5, text: 'hi', context: {} });
  await expect(payload.locator('.squiggly-error').first()).toBeVisible({ timeout: 30_000 });
});
