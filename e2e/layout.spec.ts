import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  inputToggle,
  openApp,
  openInput,
  regionJson,
  runToEnd,
  selectPoint,
  setCode,
  status,
} from './support/app';

/** The README's screenshots are written only on request, so a test run does not rewrite them. */
const SCREENSHOTS = process.env.HOOKPAD_SCREENSHOTS === '1';
const screenshotPath = (name: string) =>
  fileURLToPath(new URL(`../docs/screenshots/${name}`, import.meta.url));

const CODE = [
  "var crm = require('crm-client');",
  'module.exports = async function (user, context, cb) {',
  '  var secrets = context.webtask.secrets;',
  "  var plan = await fetch('https://crm.example.com/plan').then((r) => r.json());",
  "  var region = await fetch('https://crm.example.com/region').then((r) => r.json());",
  '  cb(null, { user: { app_metadata: {',
  '    plan: plan.plan, region: region.region, crm: typeof crm,',
  '    keyed: secrets.CRM_KEY.length > 0 && secrets.CRM_TOKEN.length > 0,',
  '  } } });',
  '};',
].join('\n');

/** A pre-user-registration hook with two secrets, two HTTP mocks and a module mock, all open. */
async function buildHook(page: Page): Promise<void> {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, CODE);

  const secrets = await openInput(page, 'Secrets');
  for (const [name, value] of [
    ['CRM_KEY', 'sk_live_layout_key'],
    ['CRM_TOKEN', 'tok_layout_secret'],
  ] as const) {
    await secrets.getByRole('button', { name: 'Add secret' }).click();
    await secrets.getByRole('textbox', { name: 'Secret name' }).last().fill(name);
    await secrets.getByLabel('Secret value').last().fill(value);
  }

  const mocks = await openInput(page, 'HTTP mocks');
  for (const [path, body] of [
    ['plan', '{"plan":"gold"}'],
    ['region', '{"region":"eu"}'],
  ] as const) {
    await mocks.getByRole('button', { name: 'Add mock' }).click();
    await mocks
      .getByLabel('URL pattern', { exact: true })
      .last()
      .fill(`https://crm.example.com/${path}`);
    await mocks.getByLabel('Response body', { exact: true }).last().fill(body);
  }

  // The module mock comes from the quick fix, which opens the Modules section itself.
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await page.getByRole('alert').getByRole('button', { name: 'Add module mock' }).click();
  await expect(inputToggle(page, 'Modules')).toHaveAttribute('aria-expanded', 'true');
  await expect(
    page.getByRole('region', { name: 'Modules', exact: true }).getByLabel('Module name'),
  ).toBeFocused();

  await expect(inputToggle(page, 'Secrets')).toHaveAccessibleName('Secrets (2)');
  await expect(inputToggle(page, 'HTTP mocks')).toHaveAccessibleName('HTTP mocks (2)');
  await expect(inputToggle(page, 'Modules')).toHaveAccessibleName('Modules (1)');
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`at ${size.width}x${size.height} the run status and the merged user are in view when a run ends, with every input open`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await buildHook(page);
    expect(await runToEnd(page)).toMatch(/^Succeeded/);
    await expect(status(page)).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Merged user' })).toBeInViewport();
    expect(await regionJson(page, 'Merged user')).toMatchObject({
      app_metadata: { plan: 'gold', region: 'eu', crm: 'object', keyed: true },
    });
    if (SCREENSHOTS) {
      await page.screenshot({
        path: screenshotPath(`workbench-${size.width}x${size.height}.png`),
      });
    }
  });
}

test('input sections start closed with their counts, and open and close from the keyboard', async ({
  page,
}) => {
  await openApp(page);
  const toggle = inputToggle(page, 'Secrets');
  await expect(toggle).toHaveAccessibleName('Secrets (0)');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const secrets = page.getByRole('region', { name: 'Secrets', exact: true });
  await expect(secrets.getByText('No secrets for this point.')).toBeHidden();
  for (const name of ['Storage', 'HTTP mocks', 'Modules', 'Dependencies'] as const) {
    await expect(inputToggle(page, name)).toHaveAttribute('aria-expanded', 'false');
  }
  await expect(inputToggle(page, 'Storage')).toHaveAccessibleName('Storage (empty)');

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(secrets.getByText('No secrets for this point.')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // "Add secret" stays in the closed section's title line, and opens it on the new row.
  await secrets.getByRole('button', { name: 'Add secret' }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(secrets.getByRole('textbox', { name: 'Secret name' })).toBeFocused();
  await expect(toggle).toHaveAccessibleName('Secrets (1)');
});
