import { test, expect, openApp, selectPoint, runToEnd, setCode, regionJson } from './support/app';

// A hook that parses one 'data' chunk works with a small answer, as on Node (one chunk up to
// 16 KiB), and fails once the mock's "Chunks" splits the answer (docs/runtime-semantics.md §12).

const PARSE_ONE_CHUNK = [
  "const https = require('https');",
  'module.exports = function (user, context, cb) {',
  "  https.get('https://profile.example.com/plan', (res) => {",
  "    res.on('data', (d) => { const j = JSON.parse(d); cb(null, { user: { user_metadata: j } }); });",
  '  });',
  '};',
].join('\n');

test("a hook that parses one 'data' chunk of a small JSON answer succeeds; with 3 chunks it fails", async ({
  page,
}) => {
  await openApp(page);
  await selectPoint(page, 'Pre-User Registration');
  await setCode(page, PARSE_ONE_CHUNK);
  const region = page.getByRole('region', { name: 'HTTP mocks' });
  await region.getByRole('button', { name: 'Add mock' }).click();
  await region.getByLabel('URL pattern', { exact: true }).fill('https://profile.example.com/*');
  await region.getByLabel('Response body', { exact: true }).fill('{"plan":"gold","seats":3}');

  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  expect(await regionJson(page, 'Merged user')).toMatchObject({
    user_metadata: { plan: 'gold', seats: 3 },
  });

  const chunks = region.getByRole('spinbutton', { name: 'Chunks' });
  await expect(chunks).toHaveValue('');
  await chunks.fill('3');
  await expect(region).toContainText("http/https get the body in 3 'data' chunks.");
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expect(page.getByRole('alert')).toContainText('SyntaxError');
});
