import type { Page } from '@playwright/test';
import axe, { type AxeResults, type Result } from 'axe-core';
import { test, expect, openApp, openInput, runToEnd, selectPoint, setCode } from './support/app';

/**
 * axe on the states a user meets: the first screen, each run outcome, each dialog and the
 * Compare view, in the light and the dark colour scheme. Only serious and critical findings
 * fail a test; the failure lists each one readably (rule, impact, elements, contrast).
 */

const SCHEMES = ['light', 'dark'] as const;

// Each test runs axe several times, a few seconds each on a slow machine.
test.slow();

/**
 * Runs axe in the page, injected once per page. @axe-core/playwright's AxeBuilder checks the
 * same rules on the same document, but evaluates axe's ~0.5 MB source again at every scan
 * and finishes each scan in a new blank page: ~4 times slower. The app's only frames are the
 * sandbox's, aria-hidden, which axe does not test in either way. `resultTypes` keeps every
 * violating element but only one example of each passing rule: axe then skips describing the
 * ~1,000 elements that pass (one scan of the first screen: 1.5 s -> 0.7 s on 2 CPUs).
 */
async function seriousViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate((): Promise<AxeResults> =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/** One line per element: the rule, its impact, the element, and axe's numbers (contrast). */
function describe(violations: Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const data = node.any.find((check) => check.data)?.data as
          | {
              fgColor?: string;
              bgColor?: string;
              contrastRatio?: number;
              expectedContrastRatio?: string;
            }
          | undefined;
        const contrast =
          data?.contrastRatio !== undefined
            ? ` — ${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}:1, needs ${data.expectedContrastRatio}`
            : '';
        return `${violation.id} (${violation.impact}) ${node.target.join(' ')}${contrast}`;
      }),
    )
    .join('\n');
}

/** Monaco's editors wear the theme of the scheme: `vs-dark` on each editor in the dark one. */
async function expectEditorsIn(page: Page, scheme: (typeof SCHEMES)[number]): Promise<void> {
  const wrong = scheme === 'dark' ? '.monaco-editor:not(.vs-dark)' : '.monaco-editor.vs-dark';
  await expect(page.locator(wrong)).toHaveCount(0);
}

/**
 * Scans the state as it stands in the light and in the dark scheme: the app and Monaco follow
 * a switch of the system's scheme live, so one journey reaches each state once for both.
 * Ends in the light scheme, where journeys start.
 */
async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  for (const scheme of [...SCHEMES].reverse()) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectEditorsIn(page, scheme);
    // The summary, not the raw results, so a failure reads as a list of what to fix.
    expect(
      describe(await seriousViolations(page)),
      `serious axe findings: ${state} (${scheme})`,
    ).toBe('');
  }
}

test(`no serious axe findings on the first screen and after a success, a failure and a denial, light and dark`, async ({
  page,
}) => {
  await openApp(page);
  await expectNoSeriousViolations(page, `first screen`);

  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expectNoSeriousViolations(page, `after a success`);

  await setCode(
    page,
    [
      'module.exports = function (client, scope, audience, context, cb) {',
      "  cb(new Error('No token today'));",
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expectNoSeriousViolations(page, `after a failure`);

  // A module Hookpad lacks: the alert's three ways out, and Dependencies open.
  await setCode(
    page,
    [
      'module.exports = function (client, scope, audience, context, cb) {',
      "  cb(null, { accessToken: { pad: require('left-pad@1.3.0')('7', 3, '0') } });",
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await openInput(page, 'Dependencies');
  await expect(page.getByRole('button', { name: 'Set registry' })).toBeVisible();
  await expectNoSeriousViolations(page, `with a missing module and Dependencies open`);

  // The failing exchange code takes five parameters, so the move asks first.
  await selectPoint(page, 'Pre-User Registration');
  await page
    .getByRole('dialog', { name: 'Change extensibility point?' })
    .getByRole('button', { name: 'Change point' })
    .click();
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  cb(new PreUserRegistrationError('Denied signup', 'Please use your work email.'));",
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Denied/);
  await expectNoSeriousViolations(page, `after a denial`);
});

test(`no serious axe findings with each dialog open and in Compare, light and dark`, async ({
  page,
}) => {
  await openApp(page);

  await page
    .getByRole('navigation', { name: 'Hooks' })
    .getByRole('button', { name: 'New hook' })
    .click();
  const newHook = page.getByRole('dialog', { name: 'New hook' });
  await expect(newHook).toBeVisible();
  await expectNoSeriousViolations(page, `New hook dialog`);
  await newHook.getByRole('button', { name: 'Cancel' }).click();
  await expect(newHook).toHaveCount(0);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import hooks' });
  await expect(importDialog).toBeVisible();
  await expectNoSeriousViolations(page, `Import hooks dialog`);
  await page.keyboard.press('Escape');
  await expect(importDialog).toBeHidden();

  await page.getByRole('button', { name: 'Examples' }).click();
  const examples = page.getByRole('menu', { name: 'Examples' });
  await expect(examples).toBeVisible();
  await expectNoSeriousViolations(page, `Examples menu`);
  await page.keyboard.press('Escape');
  await expect(examples).toHaveCount(0);

  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await page.getByRole('button', { name: 'Copy reproduction' }).click();
  const reproduction = page.getByRole('dialog', { name: 'Reproduction' });
  await expect(reproduction.getByLabel('Reproduction report')).toBeVisible();
  await expectNoSeriousViolations(page, `Reproduction dialog`);
  await page.keyboard.press('Escape');
  await expect(reproduction).toBeHidden();

  // Compare: a saved version against an edited draft.
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await setCode(
    page,
    [
      '// A changed draft, to have something to compare.',
      'module.exports = function (client, scope, audience, context, cb) {',
      '  cb(null, { scope: scope });',
      '};',
    ].join('\n'),
  );
  await page
    .getByRole('region', { name: 'History' })
    .getByRole('button', { name: 'Compare' })
    .click();
  const compare = page.getByRole('dialog', { name: /^Comparing the version of/ });
  await expect(compare.locator('.monaco-diff-editor')).toBeVisible();
  await expectNoSeriousViolations(page, `Compare`);
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);

  // The edited exchange code takes five parameters; Send Phone Message passes four.
  await selectPoint(page, 'Send Phone Message');
  const changePoint = page.getByRole('dialog', { name: 'Change extensibility point?' });
  await expect(changePoint).toBeVisible();
  await expectNoSeriousViolations(page, `Change extensibility point? dialog`);
  await changePoint.getByRole('button', { name: 'Cancel' }).click();
  await expect(changePoint).toHaveCount(0);
});

test(`no serious axe findings in the Tests region, its dialogs and the workspace's test results, light and dark`, async ({
  page,
}) => {
  await openApp(page);
  const tests = page.getByRole('region', { name: 'Tests' });
  expect(await runToEnd(page)).toMatch(/^Succeeded/);

  await tests.getByRole('button', { name: 'Save as test' }).click();
  const save = page.getByRole('dialog', { name: 'Save as test' });
  await expect(save.getByRole('checkbox', { name: 'Response' })).toBeChecked();
  await expectNoSeriousViolations(page, `Save as test dialog`);
  await save.getByRole('button', { name: 'Save test' }).click();
  await expect(tests.getByRole('listitem', { name: 'Test 1' })).toBeVisible();
  await expectNoSeriousViolations(page, `a test not run yet`);

  await setCode(
    page,
    [
      'module.exports = function (client, scope, audience, context, cb) {',
      "  cb(null, { scope: scope, 'https://example.com/plan': 'gold' });",
      '};',
    ].join('\n'),
  );
  await tests.getByRole('button', { name: 'Run all tests' }).click();
  await expect(tests.getByRole('status')).toHaveText('0 passed, 1 failed');
  await expect(tests.getByRole('region', { name: 'Expected' }).first()).toBeVisible();
  await expectNoSeriousViolations(page, `a failed test's details`);

  await tests.getByRole('button', { name: 'Edit test Test 1' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit test' });
  await expect(
    edit.getByRole('region', { name: 'Expectations' }).locator('.monaco-editor'),
  ).toBeVisible();
  await expectNoSeriousViolations(page, `Edit test dialog`);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await expect(edit).toHaveCount(0);

  await page.getByRole('button', { name: 'Run all tests in workspace' }).click();
  const workspace = page.getByRole('region', { name: 'Workspace test results' });
  await expect(workspace.getByRole('listitem')).toContainText('0 passed, 1 failed');
  await expectNoSeriousViolations(page, `workspace test results`);
});
