import { test, expect, openApp, selectPoint, runToEnd, setCode, regionJson } from './support/app';

const ADD_METADATA = `module.exports = function (user, context, cb) {
  var response = {};

  response.user = {
   user_metadata: { foo: 'bar' },
   app_metadata: { vip: true, score: 7 }
  };

  cb(null, response);
};`;

test('the seed "Add Metadata to New Users" gives the documented response and the merged user', async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, ADD_METADATA);
  expect(await runToEnd(page)).toMatch(/^Succeeded in \d+ ms/);

  // Exactly the response the seed documents.
  expect(await regionJson(page, 'Response')).toEqual({
    user: { user_metadata: { foo: 'bar' }, app_metadata: { vip: true, score: 7 } },
  });

  // The payload's metadata plus the new keys, the new ones marked.
  const merged = (await regionJson(page, 'Merged user')) as Record<string, unknown>;
  expect(merged).toMatchObject({
    username: 'user1',
    email: 'user1@foo.com',
    user_metadata: { hobby: 'surfing', foo: 'bar' },
    app_metadata: { plan: 'full', vip: true, score: 7 },
  });
  const region = page.getByRole('region', { name: 'Merged user' });
  for (const path of ['user_metadata.foo', 'app_metadata.vip', 'app_metadata.score']) {
    await expect(region.getByText(path, { exact: false }).first()).toBeVisible();
  }
  await expect(region).toContainText(/added/i);
});

test('invalid metadata property names are errors naming their path', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    `module.exports = function (user, context, cb) { cb(null, { user: { user_metadata: { $bad: 1, 'a.b': 2 } } }); };`,
  );
  await runToEnd(page);
  const region = page.getByRole('region', { name: 'Merged user' });
  await expect(region).toContainText('user_metadata.$bad');
  await expect(region).toContainText('user_metadata["a.b"]');
});

test('cb(err) fails with the message and a line:column that moves the cursor', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(
    page,
    [
      'module.exports = function (user, context, cb) {',
      '  var x = 1;',
      "  cb(new Error('nope'));",
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed in \d+ ms/);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('nope');
  await expect(alert).toContainText('3:');
  // The marker in the code editor sits on line 3.
  await expect(
    page.getByRole('region', { name: 'Hook code' }).locator('.squiggly-error'),
  ).toHaveCount(1);
});

test('a thrown error inside a timer is reported with its line', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Send Phone Message');
  await setCode(
    page,
    [
      'module.exports = function (recipient, text, context, cb) {',
      '  setTimeout(function () {',
      "    throw new TypeError('late failure');",
      '  }, 10);',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expect(page.getByRole('alert')).toContainText('late failure');
  await expect(page.getByRole('alert')).toContainText('3:');
});

test('console output appears one line per call, including a cyclic object', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Client Credentials Exchange');
  await setCode(
    page,
    [
      'module.exports = function (client, scope, audience, context, cb) {',
      "  console.log('hello', client.name);",
      '  var a = { name: "loop" }; a.self = a;',
      '  console.warn(a);',
      '  cb(null, { scope: scope });',
      '};',
    ].join('\n'),
  );
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const lines = page.getByRole('region', { name: 'Console' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('hello client-name');
  await expect(lines.nth(1)).toContainText(/warn/i);
  await expect(lines.nth(1)).toContainText(/Circular/);
});
