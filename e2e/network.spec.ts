import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  selectPoint,
  runToEnd,
  setCode,
  regionJson,
  editorText,
} from './support/app';

const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/XXXX';

async function addMock(
  page: Page,
  mock: { method?: string; url: string; status?: number; body: string; delayMs?: number },
): Promise<void> {
  const region = page.getByRole('region', { name: 'HTTP mocks' });
  await region.getByRole('button', { name: 'Add mock' }).click();
  const row = (label: string) => region.getByLabel(label, { exact: true }).last();
  if (mock.method) await row('Method').selectOption(mock.method);
  await row('URL pattern').fill(mock.url);
  if (mock.status) await row('Status').fill(String(mock.status));
  await row('Response body').fill(mock.body);
  if (mock.delayMs !== undefined) await row('Delay (ms)').fill(String(mock.delayMs));
}

const outbound = (page: Page) =>
  page.getByRole('region', { name: 'Outbound requests' }).getByRole('listitem');

test('the seed Slack hook posts once to its mocked webhook, after cb()', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      `  var SLACK_HOOK = '${SLACK_URL}';`,
      "  var slack = require('slack-notify')(SLACK_HOOK);",
      "  var message = 'New User: ' + (user.name || user.email) + ' (' + user.email + ')';",
      "  slack.success({ text: message, channel: '#some_channel' });",
      '  cb(null, user, context);',
      '};',
    ].join('\n'),
  );
  await addMock(page, { method: 'POST', url: 'https://hooks.slack.com/*', body: 'ok' });
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(outbound(page)).toHaveCount(1);
  const entry = outbound(page).first();
  await expect(entry).toContainText('POST');
  await expect(entry).toContainText(SLACK_URL);
  await expect(entry).toContainText('200');
  await expect(entry).toContainText(/after callback/i);
  await expect(entry).toContainText('New User: user1@foo.com (user1@foo.com)');
  await expect(entry).toContainText('#some_channel');
});

test('an axios hook and a request hook each get their mocked JSON', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await addMock(page, {
    method: 'GET',
    url: 'https://crm.example.com/api/users*',
    body: '{"plan":"gold","id":42}',
  });
  await setCode(
    page,
    [
      "const axios = require('axios');",
      'module.exports = async function (user, context, cb) {',
      "  const res = await axios.get('https://crm.example.com/api/users?email=' + user.email);",
      '  cb(null, { user: { app_metadata: { plan: res.data.plan, via: "axios" } } });',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({
    user: { app_metadata: { plan: 'gold', via: 'axios' } },
  });
  await expect(outbound(page)).toHaveCount(1);

  await setCode(
    page,
    [
      "var request = require('request');",
      'module.exports = function (user, context, cb) {',
      "  request.get({ url: 'https://crm.example.com/api/users/1', json: true }, function (err, res, body) {",
      '    if (err) return cb(err);',
      "    cb(null, { user: { app_metadata: { id: body.id, via: 'request' } } });",
      '  });',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({
    user: { app_metadata: { id: 42, via: 'request' } },
  });
});

test('an unmocked request fails with a clear error and nothing leaves the machine', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    [
      'module.exports = async function (user, context, cb) {',
      '  try {',
      "    await fetch('https://api.example.com/audit', { method: 'POST', body: JSON.stringify({ id: user.id }) });",
      '    cb();',
      '  } catch (e) {',
      '    cb(e);',
      '  }',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expect(page.getByRole('alert')).toContainText(/ECONNREFUSED|fetch failed/);
  await expect(outbound(page)).toHaveCount(1);
  await expect(outbound(page).first()).toContainText(/blocked/i);
  await expect(outbound(page).first()).toContainText(/no mock matched/i);
  // The guard fixture fails this test if any request left localhost.
});

test('an auto-mocked twilio lists messages.create with its arguments', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Send Phone Message');
  await setCode(
    page,
    [
      "var twilio = require('twilio');",
      'module.exports = async function (recipient, text, context, cb) {',
      "  var client = twilio('AC123', 'token');",
      "  await client.messages.create({ to: recipient, from: '+15550000', body: text });",
      '  cb(null, {});',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed/);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Module 'twilio' is not available in Hookpad");
  await alert.getByRole('button', { name: 'Auto-mock' }).click();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const call = outbound(page).filter({ hasText: 'messages.create' });
  await expect(call).toHaveCount(1);
  await expect(call).toContainText('1-808-555-5555');
  await expect(call).toContainText('Here is your one time password: 999111');
});

test('mocks survive a reload and travel in a share link', async ({ page, browser }) => {
  await openApp(page);
  await selectPoint(page, 'Client Credentials Exchange');
  await addMock(page, {
    method: 'GET',
    url: 'https://plans.example.com/*',
    status: 201,
    body: '{"tier":"pro"}',
    delayMs: 5,
  });
  await page.reload();
  const region = page.getByRole('region', { name: 'HTTP mocks' });
  await expect(region.getByLabel('URL pattern', { exact: true })).toHaveValue(
    'https://plans.example.com/*',
  );
  await expect(region.getByLabel('Response body', { exact: true })).toHaveValue('{"tier":"pro"}');

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await openApp(other, link);
    const otherRegion = other.getByRole('region', { name: 'HTTP mocks' });
    await expect(otherRegion.getByLabel('URL pattern', { exact: true })).toHaveValue(
      'https://plans.example.com/*',
    );
    await expect(otherRegion.getByLabel('Status', { exact: true })).toHaveValue('201');
    expect(await editorText(other, 'Hook code')).toContain('module.exports');
  } finally {
    await fresh.close();
  }
});

test('globalThis.fetch goes through the boundary too, and XMLHttpRequest refuses clearly', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await addMock(page, {
    method: 'GET',
    url: 'https://status.example.com/ping',
    body: '{"up":true}',
  });
  await setCode(
    page,
    [
      'module.exports = async function (user, context, cb) {',
      "  var res = await globalThis.fetch('https://status.example.com/ping');",
      '  var xhr;',
      "  try { new XMLHttpRequest(); xhr = 'created'; } catch (e) { xhr = e.message; }",
      '  cb(null, { up: (await res.json()).up, xhr: xhr });',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const response = (await regionJson(page, 'Response')) as { up: boolean; xhr: string };
  expect(response.up).toBe(true);
  expect(response.xhr).toContain('XMLHttpRequest is not available in Hookpad');
  await expect(outbound(page)).toHaveCount(1);
  await expect(outbound(page).first()).toContainText('https://status.example.com/ping');
});
