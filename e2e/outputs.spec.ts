import type { Page } from '@playwright/test';
import { test, expect, openApp, selectPoint, runToEnd, setCode } from './support/app';

/** The red squiggles of errors in the hook editor (run markers and lint errors). */
const errorSquiggles = (page: Page) =>
  page.getByRole('region', { name: 'Hook code' }).locator('.squiggly-error');

const editedMark = (page: Page) => page.getByText('Edited since this run', { exact: true });

test('an edit after a run clears its error marker and marks the result until the next run', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  const throwing = [
    'module.exports = function (user, context, cb) {',
    '  var answer = 42;',
    "  throw new Error('boom at line 3');",
    '};',
  ];
  await setCode(page, throwing.join('\n'));
  expect(await runToEnd(page)).toMatch(/^Failed in \d+ ms$/);
  await expect(page.getByRole('alert')).toContainText('boom at line 3');
  await expect(errorSquiggles(page).first()).toBeVisible();
  await expect(editedMark(page)).toHaveCount(0);

  // The throw moves down a line: the old marker would now sit on unrelated code.
  await setCode(page, ['// moved', ...throwing].join('\n'));
  await expect(editedMark(page)).toBeVisible();
  await expect(errorSquiggles(page)).toHaveCount(0);

  expect(await runToEnd(page)).toMatch(/^Failed in \d+ ms$/);
  await expect(editedMark(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Go to line 4:9' })).toBeVisible();
  await expect(errorSquiggles(page).first()).toBeVisible();
});

test('a PreUserRegistrationError denial is an outcome: neutral status, no alert, no marker', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      "  cb(new PreUserRegistrationError('Denied signup', 'Please use your work email.'));",
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Denied in \d+ ms — Signup denied$/);
  await expect(page.getByRole('region', { name: 'Denial' })).toContainText('Denied signup');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(errorSquiggles(page)).toHaveCount(0);

  // A plain Error stays a failure.
  await setCode(
    page,
    "module.exports = function (user, context, cb) { cb(new Error('broken')); };",
  );
  expect(await runToEnd(page)).toMatch(/^Failed in \d+ ms — Signup denied$/);
  await expect(page.getByRole('alert')).toContainText('broken');
});

test('a module Hookpad lacks, required at top level, is named as missing with its fixes', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Send Phone Message');
  await setCode(
    page,
    [
      "var twilio = require('twilio');",
      'module.exports = function (recipient, text, context, cb) {',
      '  cb(null, {});',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed/);
  const alert = page.getByRole('alert');
  await expect(
    alert.getByText("Module 'twilio' is not available in Hookpad", { exact: true }),
  ).toBeVisible();
  await expect(alert).not.toContainText('does not compile');
  await expect(alert.getByRole('button', { name: 'Add module mock' })).toBeVisible();
  await alert.getByRole('button', { name: 'Auto-mock' }).click();
  // The module setting changed: the result is of the run before it.
  await expect(editedMark(page)).toBeVisible();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(editedMark(page)).toHaveCount(0);
});
