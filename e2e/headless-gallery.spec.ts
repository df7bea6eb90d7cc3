import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { examples } from '../src/core/examples';
import { DEFAULT_TIMEOUT_MS } from '../src/core/schemas';
import type { Expectations } from '../src/core/testCases/expectationSchema';
import { hookFromExample } from '../src/workspace/hookFromExample';
import type { HookRecord } from '../src/workspace/hookRecord';
import { exportWorkspaceJson } from '../src/workspace/workspaceJson';
import { expect, openApp, regionJson, runToEnd, test } from './support/app';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTCOMES = [
  [/^Succeeded/, 'succeeded'],
  [/^Denied/, 'denied'],
  [/^Failed/, 'failed'],
  [/^Timed out/, 'timed-out'],
] as const;

/** What the browser shows after running the loaded example, as a test's expectations. */
async function browserSnapshot(page: Page): Promise<Expectations> {
  const statusText = await runToEnd(page);
  const status = OUTCOMES.find(([pattern]) => pattern.test(statusText))?.[1];
  expect(status, `an outcome in "${statusText}"`).toBeDefined();
  const expectations: Expectations = { outcome: { status: status! } };
  // Masked secret values would not match: the engine's response holds the real ones.
  const reveal = page.getByRole('checkbox', { name: 'Show secret values' });
  if ((await reveal.count()) > 0) await reveal.check();
  for (const [region, part] of [
    ['Response', 'response'],
    ['Merged user', 'mergedUser'],
  ] as const) {
    if ((await page.getByRole('region', { name: region }).locator('pre').count()) === 0) continue;
    expectations[part] = { equals: (await regionJson(page, region)) as never };
  }
  return expectations;
}

test('every gallery example gives the same outcome headless as in the browser', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000 + examples.length * 10_000);
  await openApp(page);

  // Each example opened from the Examples menu and run; what the page shows becomes the
  // expectations of a test of the same hook, which the headless runner must then meet.
  const hooks: HookRecord[] = [];
  for (const example of examples) {
    await test.step(example.title, async () => {
      await page.getByRole('button', { name: 'Examples' }).click();
      await page
        .getByRole('menu', { name: 'Examples' })
        .getByRole('menuitem', { name: example.title, exact: true })
        .click();
      const expectations = await browserSnapshot(page);
      const hook = hookFromExample(example, []);
      hooks.push({
        ...hook,
        name: example.id,
        tests: [
          {
            id: example.id,
            name: example.title,
            payloadText: hook.draft.payloadText,
            overrides: {
              storage: hook.storage,
              timeoutMs: example.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            },
            expectations,
          },
        ],
      });
    });
  }

  const workspace = testInfo.outputPath('gallery.json');
  const junit = testInfo.outputPath('gallery.xml');
  writeFileSync(workspace, exportWorkspaceJson(hooks, { includeSecrets: true }));
  const headless = spawnSync(
    process.execPath,
    ['src/cli/hookpad.mjs', 'test', workspace, '--reporter', 'junit', '--output', junit],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(headless.stderr).not.toMatch(/warning|could not/);
  // The table names each example whose headless run differs, with Expected and Actual.
  expect(headless.stdout).toContain(`\n${examples.length} passed, 0 failed\n`);
  expect(headless.status).toBe(0);
  expect(readFileSync(junit, 'utf8')).toContain(`tests="${examples.length}" failures="0"`);
});
