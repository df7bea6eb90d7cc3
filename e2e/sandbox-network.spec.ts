import { test, expect, openApp, selectPoint, runToEnd, setCode } from './support/app';

// The echo endpoint is on the preview server's host, so the guard fixture lets it through;
// the sandbox's origin is opaque ('null'), hence the CORS header.
const ECHO_URL = `http://127.0.0.1:${process.env.HOOKPAD_E2E_PORT ?? 4174}/__hookpad-echo`;

test('with "Allow network" a request really goes out, from a sandbox whose CSP allows it', async ({
  page,
}) => {
  let served = 0;
  await page.route(ECHO_URL, (route) => {
    served += 1;
    return route.fulfill({
      status: 200,
      headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' },
      body: '{"echo":true}',
    });
  });
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    [
      'module.exports = async function (user, context, cb) {',
      `  const res = await fetch('${ECHO_URL}');`,
      '  console.log(JSON.stringify(await res.json()));',
      '  cb();',
      '};',
    ].join('\n'),
  );
  const outbound = page.getByRole('region', { name: 'Outbound requests' }).getByRole('listitem');

  // Off (the default): refused by the boundary, and nothing is sent.
  expect(await runToEnd(page)).toMatch(/^Failed/);
  await expect(outbound.first()).toContainText(/blocked/i);
  expect(served).toBe(0);

  await page.getByRole('switch', { name: 'Allow network' }).check();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(outbound).toHaveCount(1);
  await expect(outbound.first()).toContainText('network');
  await expect(outbound.first()).toContainText('200');
  await expect(outbound.first()).toContainText('"echo": true');
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('{"echo":true}');
  expect(served).toBe(1);

  // Back off: the no-network sandbox runs it again.
  await page.getByRole('switch', { name: 'Allow network' }).uncheck();
  expect(await runToEnd(page)).toMatch(/^Failed/);
  expect(served).toBe(1);
});
