import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  openInput,
  regionJson,
  runToEnd,
  selectPoint,
  setCode,
} from './support/app';

// Auto-mock results: an auto-mocked SDK call resolves to the JSON the user sets for its call
// path, so the hook takes its success path instead of reading `undefined` from `{}`.

const STRIPE_HOOK = [
  "const stripe = require('stripe')('sk_test_1');",
  'module.exports = async function (user, context, cb) {',
  '  const c = await stripe.customers.create({ email: user.email });',
  '  cb(null, { user: { app_metadata: { customer: c.id } } });',
  '};',
].join('\n');

const outbound = (page: Page) =>
  page.getByRole('region', { name: 'Outbound requests' }).getByRole('listitem');

test('"Set result" on a recorded stripe call makes the next run store the customer id', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, STRIPE_HOOK);
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await page.getByRole('alert').getByRole('button', { name: 'Auto-mock' }).click();

  // Without a result the call resolves to {}: the customer id is undefined and dropped.
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const call = outbound(page).filter({ hasText: 'customers.create' });
  await expect(call).toHaveCount(1);
  await expect(call).toContainText('stripe.customers.create');
  await expect(call).toContainText('resolved to {}');
  const before = (await regionJson(page, 'Merged user')) as { app_metadata?: object };
  expect(before.app_metadata ?? {}).not.toHaveProperty('customer');

  await call.getByRole('button', { name: 'Set result for stripe.customers.create' }).click();
  const results = page.getByRole('region', { name: 'Auto-mock results' });
  await expect(results.getByRole('textbox', { name: 'Call path' })).toHaveValue(
    'stripe.customers.create',
  );
  const result = results.getByRole('textbox', { name: 'Result (JSON)' });
  await expect(result).toBeFocused();
  await expect(result).toHaveValue('{}');

  // Invalid JSON while typing is kept, and a run is refused with a clear message.
  await result.fill('{"id":');
  await runToEnd(page);
  await expect(page.getByRole('alert')).toContainText(
    'The auto-mock result for stripe.customers.create is not valid JSON',
  );

  await result.fill('{"id":"cus_1"}');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Merged user')).toMatchObject({
    app_metadata: { customer: 'cus_1' },
  });
  await expect(outbound(page).filter({ hasText: 'customers.create' })).toContainText(
    'answered by the result for stripe.customers.create',
  );

  // The rule survives a reload with the hook.
  await page.reload();
  await openInput(page, 'Modules');
  await expect(
    page.getByRole('region', { name: 'Auto-mock results' }).getByRole('textbox', {
      name: 'Result (JSON)',
    }),
  ).toHaveValue('{"id":"cus_1"}');
});

test('"Add result" with a wildcard path answers every module; "Remove result" takes it away', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, STRIPE_HOOK);
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await page.getByRole('alert').getByRole('button', { name: 'Auto-mock' }).click();

  const modules = await openInput(page, 'Modules');
  const results = modules.getByRole('region', { name: 'Auto-mock results' });
  await results.getByRole('button', { name: 'Add result' }).click();
  await expect(results.getByRole('textbox', { name: 'Result (JSON)' })).toBeFocused();
  await results.getByRole('textbox', { name: 'Call path' }).fill('*.customers.create');
  await results.getByRole('textbox', { name: 'Result (JSON)' }).fill('{"id":"cus_any"}');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Merged user')).toMatchObject({
    app_metadata: { customer: 'cus_any' },
  });
  await expect(outbound(page).filter({ hasText: 'customers.create' })).toContainText(
    'answered by the result for *.customers.create',
  );

  await results.getByRole('button', { name: 'Remove result' }).click();
  await expect(results.getByRole('textbox', { name: 'Call path' })).toHaveCount(0);
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(outbound(page).filter({ hasText: 'customers.create' })).toContainText(
    'resolved to {}',
  );
});
