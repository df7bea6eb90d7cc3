import { test, expect, openApp, openInput, selectPoint, runToEnd, setCode } from './support/app';
import { ECHO_PORT } from './support/ports.mjs';

// The echo endpoint is a server of the e2e setup (support/echoServer.mjs), on the machine,
// so the guard fixture lets it through; it answers origin 'null' (the sandbox's) and counts
// its hits per id. A route in the page would not do: a request from a worker the browser has
// just started can leave before the route is attached to it.
const ORIGIN = `http://127.0.0.1:${ECHO_PORT}`;
const ID = `echo-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const ECHO_URL = `${ORIGIN}/echo?id=${ID}`;

test('with "Allow network" a request really goes out, from a sandbox whose CSP allows it', async ({
  page,
  request,
}) => {
  const served = async () =>
    (
      (await (await request.get(`${ORIGIN}/hits?id=${ID}`)).json()) as {
        hits: number;
      }
    ).hits;
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
  expect(await served()).toBe(0);

  await openInput(page, 'HTTP mocks');
  await page.getByRole('switch', { name: 'Allow network' }).check();
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  await expect(outbound).toHaveCount(1);
  await expect(outbound.first()).toContainText('network');
  await expect(outbound.first()).toContainText('200');
  await expect(outbound.first()).toContainText('"echo": true');
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('{"echo":true}');
  expect(await served()).toBe(1);

  // Back off: the no-network sandbox runs it again.
  await page.getByRole('switch', { name: 'Allow network' }).uncheck();
  expect(await runToEnd(page)).toMatch(/^Failed/);
  expect(await served()).toBe(1);
});
