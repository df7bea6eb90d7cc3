import type { Page } from '@playwright/test';
import { test, expect, openApp, selectPoint, runToEnd, setCode, regionJson } from './support/app';

const USERS_URL = 'https://api.example.com/users';

const outbound = (page: Page) =>
  page.getByRole('region', { name: 'Outbound requests' }).getByRole('listitem');
const mocksRegion = (page: Page) => page.getByRole('region', { name: 'HTTP mocks' });

test('"Mock this request" turns a refused request into a mock that answers the next run', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    [
      'module.exports = async function (user, context, cb) {',
      '  try {',
      `    const res = await fetch('${USERS_URL}');`,
      '    cb(null, { user: { app_metadata: { status: res.status } } });',
      '  } catch (e) {',
      '    cb(e);',
      '  }',
      '};',
    ].join('\n'),
  );
  await expect(mocksRegion(page).getByRole('listitem')).toHaveCount(0);

  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expect(outbound(page)).toHaveCount(1);
  const refused = outbound(page).first();
  await expect(refused).toContainText(/blocked/i);
  await refused.getByRole('button', { name: 'Mock this request' }).click();

  const mock = mocksRegion(page).getByRole('listitem', { name: 'Mock 1' });
  await expect(mocksRegion(page).getByRole('listitem')).toHaveCount(1);
  await expect(mock.getByLabel('Method', { exact: true })).toHaveValue('GET');
  await expect(mock.getByLabel('URL pattern', { exact: true })).toHaveValue(USERS_URL);
  await expect(mock.getByLabel('Status', { exact: true })).toHaveValue('200');
  await expect(mock.getByLabel('URL pattern', { exact: true })).toBeFocused();

  // The same request again focuses the mock already there instead of adding a second one.
  await mock.getByLabel('Response body', { exact: true }).fill('{"users":[]}');
  await refused.getByRole('button', { name: 'Mock this request' }).click();
  await expect(mocksRegion(page).getByRole('listitem')).toHaveCount(1);
  await expect(mock.getByLabel('URL pattern', { exact: true })).toBeFocused();

  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Response')).toEqual({
    user: { app_metadata: { status: 200 } },
  });
  await expect(outbound(page)).toHaveCount(1);
  const answered = outbound(page).first();
  await expect(answered).toContainText(`mock #1 (GET ${USERS_URL})`);
  await expect(answered).toContainText('200');
  await expect(answered.getByRole('button', { name: 'Mock this request' })).toHaveCount(0);
});
