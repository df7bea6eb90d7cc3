import {
  test,
  expect,
  createHook,
  hooksNav,
  openApp,
  selectPoint,
  runToEnd,
  setCode,
  editorText,
} from './support/app';

const LABELS = [
  'Client Credentials Exchange',
  'Pre-User Registration',
  'Post-User Registration',
  'Post Change Password',
  'Send Phone Message',
];

test("the picker offers the five extensibility points, and each one's starter code runs to success", async ({
  page,
}) => {
  await openApp(page);
  const options = page.getByRole('combobox', { name: 'Extensibility point' }).getByRole('option');
  await expect(options).toHaveText(LABELS);
  // One page for the five: picking a point on an unedited starter swaps in that point's starter.
  for (const label of LABELS) {
    await selectPoint(page, label);
    expect(await runToEnd(page), label).toMatch(/^Succeeded in \d+ ms/);
    await expect(page.getByRole('alert'), label).toHaveCount(0);
  }
});

test('each hook keeps its own draft when switching between hooks', async ({ page }) => {
  await openApp(page);
  const hooks = hooksNav(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, 'module.exports = function (user, context, cb) { cb(null, { pre: 1 }); };');
  await createHook(page);
  await selectPoint(page, 'Send Phone Message');
  await setCode(
    page,
    'module.exports = function (recipient, text, context, cb) { cb(null, { sms: 2 }); };',
  );
  await hooks.getByRole('button', { name: 'Pre-User Registration', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Extensibility point' })).toHaveValue(
    'pre-user-registration',
  );
  await expect.poll(() => editorText(page, 'Hook code')).toContain('pre: 1');
  await hooks.getByRole('button', { name: 'Send Phone Message', exact: true }).click();
  await expect.poll(() => editorText(page, 'Hook code')).toContain('sms: 2');
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('"sms": 2');
});

test('a hook with edited code keeps it when its point changes', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, '// mine\nmodule.exports = function (user, context, cb) { cb(); };');
  await selectPoint(page, 'Post-User Registration');
  await expect.poll(() => editorText(page, 'Hook code')).toContain('// mine');
});
