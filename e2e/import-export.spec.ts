import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, hooksNav, openApp, openInput } from './support/app';

/** A deploy-cli directory export: hooks/<name>.js and hooks/<name>.json for three hooks. */
const FIXTURE = fileURLToPath(new URL('./fixtures/deploy-cli/hooks/', import.meta.url));
const fixtureFile = (name: string): string => readFileSync(`${FIXTURE}${name}`, 'utf8');

const FIXTURE_HOOKS = [
  { name: 'add-plan-claim', point: 'Client Credentials Exchange', enabled: true },
  { name: 'notify-signup', point: 'Post-User Registration', enabled: false },
  { name: 'signup-crm-lookup', point: 'Pre-User Registration', enabled: false },
];

const navItem = (page: Page, name: string): Locator =>
  hooksNav(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name, exact: true }) });

async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import hooks' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Imports what the dialog found and closes it. */
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

/** Exports all hooks in `format` and returns the download. */
async function exportAll(page: Page, format: string): Promise<Download> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export hooks' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'All hooks' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Include secret values' })).not.toBeChecked();
  await dialog.getByRole('radio', { name: format }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  await expect(dialog.getByRole('status')).toContainText(
    `Downloaded ${download.suggestedFilename()}`,
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return download;
}

async function bytesOf(download: Download): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(await download.path()));
}

function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
  );
}

async function addSecret(page: Page, name: string, value: string): Promise<void> {
  const secrets = page.getByRole('region', { name: 'Secrets' });
  await secrets.getByRole('button', { name: 'Add secret' }).click();
  await secrets.getByLabel('Secret name').last().fill(name);
  await secrets.getByLabel('Secret value').last().fill(value);
}

test('a deploy-cli hooks folder imports as three hooks and exports back as the same files', async ({
  page,
}) => {
  await openApp(page);
  // The workspace's starter hook, with a secret whose value must not leave in the export.
  await addSecret(page, 'TOKEN', 's3cr3t-value');

  const dialog = await openImport(page);
  await dialog.getByLabel('Choose folder').setInputFiles(FIXTURE);

  const found = dialog.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem');
  await expect(found).toHaveCount(3);
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toHaveCount(0);
  for (const hook of FIXTURE_HOOKS) {
    const item = found.filter({ hasText: hook.name });
    await expect(item).toContainText(hook.point);
    await expect(item).toContainText(hook.enabled ? 'enabled' : 'disabled');
  }
  // Its two secrets were exported as _VALUE_NOT_SHOWN_: imported empty, flagged.
  await expect(found.filter({ hasText: 'signup-crm-lookup' })).toContainText(
    /value not exported: CRM_API_KEY, CRM_REGION/i,
  );
  await expect(found.filter({ hasText: 'add-plan-claim' })).not.toContainText(/not exported/i);
  // Points come from triggerId: nothing to confirm.
  await expect(dialog.getByRole('combobox')).toHaveCount(0);

  await importAll(dialog, 3);

  for (const hook of FIXTURE_HOOKS) {
    await expect(navItem(page, hook.name)).toContainText(hook.point);
    if (hook.enabled) await expect(navItem(page, hook.name)).toContainText('enabled');
    else await expect(navItem(page, hook.name)).not.toContainText('enabled');
  }
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(4);

  // The imported secrets are there by name, without a value.
  await hooksNav(page).getByRole('button', { name: 'signup-crm-lookup', exact: true }).click();
  const secrets = page.getByRole('region', { name: 'Secrets' });
  await expect(secrets.getByLabel('Secret name').nth(0)).toHaveValue('CRM_API_KEY');
  await expect(secrets.getByLabel('Secret name').nth(1)).toHaveValue('CRM_REGION');
  await expect(secrets.getByLabel('Secret value').nth(0)).toHaveValue('');
  await expect(secrets.getByLabel('Secret value').nth(1)).toHaveValue('');
  await expect(secrets.getByText(/^Value not exported/)).toHaveCount(2);

  // Each imported hook starts with one version, "Imported", to compare later edits with.
  const versions = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText('Imported');
  await expect(versions.first().getByRole('button', { name: 'Compare' })).toBeVisible();
  await expect(page.getByText('Unsaved changes', { exact: true })).toHaveCount(0);

  // A declared dependency the code does not require is listed (and exported back).
  await hooksNav(page).getByRole('button', { name: 'notify-signup', exact: true }).click();
  const dependencies = await openInput(page, 'Dependencies');
  await expect(dependencies.getByRole('row', { name: /axios/ })).toContainText('1.6.8');
  await expect(dependencies.getByRole('row', { name: /axios/ })).toContainText('declared');

  const download = await exportAll(page, 'deploy-cli directory (zip)');
  expect(download.suggestedFilename()).toBe('hookpad-hooks.zip');
  const files = unzipText(await bytesOf(download));

  const fixtureNames = readdirSync(FIXTURE).sort();
  expect(fixtureNames).toHaveLength(6);
  expect(Object.keys(files).sort()).toEqual(
    [
      ...fixtureNames.map((name) => `hooks/${name}`),
      'hooks/client-credentials-exchange.js',
      'hooks/client-credentials-exchange.json',
    ].sort(),
  );
  for (const name of fixtureNames) {
    const exported = files[`hooks/${name}`];
    if (name.endsWith('.js')) {
      expect(exported, name).toBe(fixtureFile(name));
    } else {
      const original = JSON.parse(fixtureFile(name)) as Record<string, unknown>;
      const json = JSON.parse(exported ?? 'null') as Record<string, unknown>;
      expect(json, name).toEqual({
        name: original.name,
        triggerId: original.triggerId,
        enabled: original.enabled,
        script: original.script,
        secrets: original.secrets,
        dependencies: original.dependencies,
      });
    }
  }
  const lookup = JSON.parse(files['hooks/signup-crm-lookup.json']!) as { secrets: object };
  expect(lookup.secrets).toEqual({
    CRM_API_KEY: '_VALUE_NOT_SHOWN_',
    CRM_REGION: '_VALUE_NOT_SHOWN_',
  });
  // A secret with a value is hidden too: the box was left unticked.
  const starter = JSON.parse(files['hooks/client-credentials-exchange.json']!) as {
    secrets: object;
  };
  expect(starter.secrets).toEqual({ TOKEN: '_VALUE_NOT_SHOWN_' });
  expect(Object.values(files).join('\n')).not.toContain('s3cr3t-value');
});

test('a single .js file: the guessed point is confirmed or changed before importing', async ({
  page,
}) => {
  await openApp(page);
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose files').setInputFiles({
    name: 'welcome_email.js',
    mimeType: 'text/javascript',
    buffer: Buffer.from(
      [
        'module.exports = function (user, context, cb) {',
        "  console.log('welcome', user.email);",
        '  cb();',
        '};',
        '',
      ].join('\n'),
    ),
  });

  const found = dialog.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('welcome-email');
  const point = dialog.getByRole('combobox', { name: 'Extensibility point for welcome-email' });
  // (user, context, cb) without a response: the guess is one of the user points.
  await expect(point).toHaveValue(/user-registration|post-change-password/);
  await point.selectOption({ label: 'Post Change Password' });
  await expect(found).toContainText('Post Change Password');

  await importAll(dialog, 1);

  await expect(navItem(page, 'welcome-email')).toContainText('Post Change Password');
  await expect(navItem(page, 'welcome-email').getByRole('button')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'post-change-password',
  );
});

test('problems name their file and do not block the valid hooks; a bad name is warned on export', async ({
  page,
}) => {
  await openApp(page);
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose files').setInputFiles([
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "name": ') },
    {
      name: 'bad_name.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          name: 'bad_name',
          triggerId: 'credentials-exchange',
          script:
            'module.exports = function (client, scope, audience, context, cb) {\n  cb(null, {});\n};\n',
        }),
      ),
    },
  ]);

  const problems = dialog.getByRole('list', { name: 'Import problems' }).getByRole('listitem');
  await expect(problems.filter({ hasText: 'broken.json' })).toContainText(/not valid JSON/i);
  await expect(problems.filter({ hasText: 'bad_name.json' })).toContainText(/name rule/);
  const found = dialog.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('bad_name');
  await importAll(dialog, 1);
  await expect(navItem(page, 'bad_name')).toContainText('Client Credentials Exchange');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export hooks' });
  await exportDialog.getByRole('radio', { name: 'Selected hook' }).check();
  await expect(exportDialog.getByRole('list', { name: 'Name warnings' })).toContainText(
    /“bad_name” breaks the platform's name rule.*deploy CLI would refuse it/,
  );
  await exportDialog.getByRole('radio', { name: 'Hookpad workspace (JSON)' }).check();
  await expect(exportDialog).toContainText(/empty value, flagged as not exported/);
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hookpad-workspace.json');
  const workspace = JSON.parse(Buffer.from(await bytesOf(download)).toString('utf8')) as {
    format: string;
    hooks: { name: string }[];
  };
  expect(workspace.format).toBe('hookpad-workspace');
  expect(workspace.hooks.map((hook) => hook.name)).toEqual(['bad_name']);
});

test('a deploy-cli YAML export imports into a fresh workspace as the same hooks', async ({
  page,
  browser,
  baseURL,
}) => {
  await openApp(page);
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose folder').setInputFiles(FIXTURE);
  await importAll(dialog, 3);

  const download = await exportAll(page, 'deploy-cli YAML (zip)');
  expect(download.suggestedFilename()).toBe('tenant-yaml.zip');
  const zip = await bytesOf(download);
  const files = unzipText(zip);
  expect(Object.keys(files)).toContain('tenant.yaml');
  expect(files['tenant.yaml']).toContain('_VALUE_NOT_SHOWN_');

  // Another browser context: its own, empty, workspace.
  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await openApp(other);
    await expect(hooksNav(other).getByRole('listitem')).toHaveCount(1);
    const again = await openImport(other);
    await again.getByLabel('Choose files').setInputFiles({
      name: 'tenant-yaml.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zip),
    });
    const found = again.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem');
    await expect(found).toHaveCount(4);
    await expect(again.getByRole('list', { name: 'Import problems' })).toHaveCount(0);
    await importAll(again, 4);

    // The fresh workspace's own starter hook keeps its name: the imported one is renamed.
    await expect(navItem(other, 'Client Credentials Exchange 2')).toContainText(
      'Client Credentials Exchange',
    );
    for (const hook of FIXTURE_HOOKS) {
      await expect(navItem(other, hook.name)).toContainText(hook.point);
      if (hook.enabled) await expect(navItem(other, hook.name)).toContainText('enabled');
    }
    await hooksNav(other).getByRole('button', { name: 'signup-crm-lookup', exact: true }).click();
    const secrets = other.getByRole('region', { name: 'Secrets' });
    await expect(secrets.getByLabel('Secret name').nth(0)).toHaveValue('CRM_API_KEY');
    await expect(secrets.getByLabel('Secret value').nth(0)).toHaveValue('');
  } finally {
    await fresh.close();
  }
});

test('files dropped on the drop zone are read like chosen ones', async ({ page }) => {
  await openApp(page);
  const dialog = await openImport(page);
  const files = ['notify-signup.js', 'notify-signup.json'].map((name) => ({
    name,
    text: fixtureFile(name),
  }));
  const dataTransfer = await page.evaluateHandle((given) => {
    const transfer = new DataTransfer();
    for (const file of given) transfer.items.add(new File([file.text], file.name));
    return transfer;
  }, files);
  const zone = dialog.getByRole('region', { name: 'Drop files here' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });

  const found = dialog.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('notify-signup');
  await expect(found).toContainText('Post-User Registration');
  await importAll(dialog, 1);
  await expect(navItem(page, 'notify-signup')).toContainText('Post-User Registration');
});

/** A deploy-cli folder with tests: hooks/ and hookpad-tests/ (two hooks, two tests each). */
const WITH_TESTS = fileURLToPath(new URL('../src/workspace/fixtures/with-tests/', import.meta.url));
const TESTED_HOOKS = ['add-plan-claim', 'add-signup-metadata'];

/** The test names of each hookpad-tests/ file of a deploy-cli zip. */
function testNamesOf(files: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith('hookpad-tests/'))
      .map(([path, text]) => {
        const file = JSON.parse(text) as { format: string; tests: { name: string }[] };
        expect(file.format).toBe('hookpad-tests');
        return [path, file.tests.map((test) => test.name)];
      }),
  );
}

test('tests travel with their hooks: deploy-cli folder, export, workspace file and share link', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  const dialog = await openImport(page);
  await dialog.getByLabel('Choose folder').setInputFiles(WITH_TESTS);
  await expect(
    dialog.getByRole('list', { name: 'Hooks to import' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(dialog.getByRole('list', { name: 'Import problems' })).toHaveCount(0);
  await importAll(dialog, 2);

  // The deploy-cli export: the hook files as they came, the tests in hookpad-tests/.
  const directory = unzipText(await bytesOf(await exportAll(page, 'deploy-cli directory (zip)')));
  for (const name of TESTED_HOOKS) {
    expect(directory[`hooks/${name}.js`]).toBe(
      readFileSync(`${WITH_TESTS}hooks/${name}.js`, 'utf8'),
    );
  }
  const expectedTests = {
    'hookpad-tests/add-plan-claim.json': [
      "the client's plan becomes a claim",
      'a client without a plan gets the free claim',
    ],
    'hookpad-tests/add-signup-metadata.json': [
      'example.com addresses get the team plan',
      'other addresses get the free plan',
    ],
  };
  expect(testNamesOf(directory)).toEqual(expectedTests);

  const workspaceFile = await bytesOf(await exportAll(page, 'Hookpad workspace (JSON)'));
  const workspace = JSON.parse(Buffer.from(workspaceFile).toString('utf8')) as {
    version: number;
    hooks: { name: string; tests: unknown[] }[];
  };
  expect(workspace.version).toBe(2);
  expect(
    workspace.hooks.filter((hook) => hook.tests.length === 2).map((hook) => hook.name),
  ).toEqual(TESTED_HOOKS);

  await hooksNav(page).getByRole('button', { name: 'add-plan-claim', exact: true }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();

  // A fresh browser opens the link and imports the workspace file: every hook has its tests.
  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await openApp(other, link);
    await expect(navItem(other, 'add-plan-claim')).toBeVisible();
    const again = await openImport(other);
    await again.getByLabel('Choose files').setInputFiles({
      name: 'hookpad-workspace.json',
      mimeType: 'application/json',
      buffer: Buffer.from(workspaceFile),
    });
    // The starter hook of the first workspace comes along, without tests.
    await importAll(again, 3);
    const exported = unzipText(await bytesOf(await exportAll(other, 'deploy-cli directory (zip)')));
    expect(testNamesOf(exported)).toEqual({
      ...expectedTests,
      'hookpad-tests/add-plan-claim-2.json': expectedTests['hookpad-tests/add-plan-claim.json'],
    });
  } finally {
    await fresh.close();
  }
});
