import {
  test,
  expect,
  openApp,
  selectPoint,
  run,
  runToEnd,
  setCode,
  setTimeoutMs,
  status,
  regionJson,
  storedHooks,
  waitForEditors,
} from './support/app';

test('an infinite loop times out and the next run succeeds', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setTimeoutMs(page, 1000);
  await setCode(page, 'module.exports = function (user, context, cb) { while (true) {} };');
  expect(await runToEnd(page)).toMatch(/^Timed out after 1\d{3} ms/);
  await expect(page.getByText('the callback was never called')).toBeVisible();

  await setCode(page, 'module.exports = function (user, context, cb) { cb(); };');
  expect(await runToEnd(page)).toMatch(/^Succeeded in \d+ ms/);
});

test('Cancel stops a run in flight while the page stays responsive', async ({ page }) => {
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(page, 'module.exports = function (user, context, cb) { while (true) {} };');
  await run(page);
  await expect(status(page)).toHaveText(/^Running…/);
  // The main thread is free: the page answers and the timeout field takes input.
  await page.getByLabel('Timeout (ms)').fill('1234');
  await expect(page.getByLabel('Timeout (ms)')).toHaveValue('1234');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
});

const PORT = process.env.HOOKPAD_E2E_PORT ?? 4174;

const PROBE = `module.exports = async function (recipient, text, context, cb) {
  var found = {};
  found.document = typeof document;
  found.window = typeof window;
  found.parent = typeof parent;
  found.localStorage = typeof localStorage;
  try {
    var req = indexedDB.open('hookpad-probe');
    found.indexedDB = await new Promise(function (resolve) {
      req.onsuccess = function () { resolve('opened'); };
      req.onerror = function () { resolve('denied: ' + req.error.name); };
    });
  } catch (e) { found.indexedDB = 'denied: ' + e.name; }
  try { await fetch('http://127.0.0.1:${PORT}/probe-from-hook'); found.fetch = 'reached'; }
  catch (e) { found.fetch = 'refused: ' + e.name; }
  cb(null, found);
};`;

test('a hook finds nothing of the page: no DOM, storage, parent or network', async ({ page }) => {
  const probes: string[] = [];
  page.context().on('request', (r) => {
    if (r.url().includes('probe-from-hook')) probes.push(r.url());
  });
  await openApp(page);
  await selectPoint(page, 'Send Phone Message');
  await setCode(page, PROBE);
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
  const found = (await regionJson(page, 'Response')) as Record<string, string>;
  expect(found.document).toBe('undefined');
  expect(found.window).toBe('undefined');
  expect(found.parent).toBe('undefined');
  expect(found.localStorage).toBe('undefined');
  expect(found.indexedDB).toMatch(/^denied: /);
  expect(found.fetch).toMatch(/^refused: /);
  expect(probes).toEqual([]);

  // The app's own stored drafts are intact, the probe included.
  // (Drafts are written shortly after typing stops, so poll.)
  await expect
    .poll(async () => (await storedHooks(page)).map((hook) => hook.draft.code).join('\n'))
    .toContain('hookpad-probe');
});

test('a hook that runs out of memory crashes the sandbox, which is rebuilt for the next run', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await selectPoint(page, 'Send Phone Message');
  await setTimeoutMs(page, 90_000);
  await setCode(
    page,
    'module.exports = function (r, t, c, cb) { var a = []; while (true) { a.push(new Array(1e6).fill(a.length)); } };',
  );
  // The sandbox's renderer dies with the allocation; Playwright may then consider the page
  // crashed although the app's own tab lives on, so the rest goes through CDP, opened now.
  const cdp = await context.newCDPSession(page);
  const evaluate = async (expression: string): Promise<unknown> =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const statusText = () =>
    evaluate(
      `[...document.querySelectorAll('[role=status]')].map((e) => e.textContent).join(' | ')`,
    );

  await run(page);
  await expect
    .poll(statusText, { timeout: 60_000, intervals: [500] })
    .toMatch(/Sandbox crashed \(out of memory\?\)/);
  // The app survived: a new hook on another point (its starter code) runs.
  await evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'New hook').click()`,
  );
  // The dialog opens after the click's render: wait for its Create button.
  await expect
    .poll(() =>
      evaluate(`(() => {
        const create = [...document.querySelectorAll('dialog[open] button')].find((b) => b.textContent.trim() === 'Create');
        create?.click();
        return create !== undefined;
      })()`),
    )
    .toBe(true);
  await evaluate(`(() => {
    const select = [...document.querySelectorAll('select')].find((s) => s.getAttribute('aria-label') === 'Extensibility point' || s.labels?.[0]?.textContent?.includes('Extensibility point'));
    const option = [...select.options].find((o) => o.textContent === 'Post Change Password');
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
  await evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('Run')).click()`,
  );
  await expect
    .poll(statusText, { timeout: 20_000, intervals: [250] })
    .toMatch(/Succeeded in \d+ ms/);
});

/** Chunks of views not shown yet and of lint: they load after the sandbox has started. */
const LATER = [
  'NewHookDialog-',
  'ExamplesMenuPopup-',
  'SecretRows-',
  'TestList-',
  'syncLintMarkers-',
];

test("after start-up the sandbox's scripts load first, the code of views not shown yet after them", async ({
  page,
}) => {
  // A Run clicked as soon as the editor is ready waits for the sandbox; ~30 requests for
  // dialogs, menus, closed sections and lint used to leave with it and hold it back.
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await openApp(page);
  const index = (prefix: string) => requested.findIndex((path) => path.includes(`/${prefix}`));
  await expect.poll(() => LATER.map(index).every((i) => i >= 0)).toBe(true);
  const sandbox = index('sandbox-worker-');
  expect(sandbox).toBeGreaterThanOrEqual(0);
  for (const prefix of LATER) expect(index(prefix), prefix).toBeGreaterThan(sandbox);
  // And a run needs nothing more.
  expect(await runToEnd(page)).toMatch(/^Succeeded/);
});

test('a Run clicked before the sandbox is up has its outcome before those views load', async ({
  page,
}) => {
  const HOOK_MS = 1000;
  await openApp(page);
  await selectPoint(page, 'Post Change Password');
  await setCode(
    page,
    `module.exports = function (user, context, cb) { setTimeout(() => cb(), ${HOOK_MS}); };`,
  );
  // The draft is stored; the reopened app's sandbox waits for the test's word.
  await expect
    .poll(async () =>
      (await storedHooks(page)).some((hook) => hook.draft.code.includes(`${HOOK_MS}`)),
    )
    .toBe(true);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/sandbox-worker-*.js', async (route) => {
    await held;
    await route.continue();
  });
  const requested: { path: string; at: number }[] = [];
  page.on('request', (request) =>
    requested.push({ path: new URL(request.url()).pathname, at: Date.now() }),
  );
  // Away from every button: a hovered one loads its dialog's code at once, as it should.
  await page.mouse.move(1, 1);
  await page.reload();
  await waitForEditors(page);
  await run(page);
  await expect(status(page)).toHaveText(/Running/);
  const released = Date.now();
  release();
  await expect(status(page)).toHaveText(/^Succeeded/, { timeout: 15_000 });
  const first = (prefix: string) => requested.find(({ path }) => path.includes(`/${prefix}`));
  await expect.poll(() => LATER.every((prefix) => first(prefix))).toBe(true);
  // The run's outcome comes HOOK_MS after its worker has started: those views were asked for
  // only then, not as soon as the sandbox was up.
  for (const prefix of LATER) {
    expect(first(prefix)!.at - released, prefix).toBeGreaterThan(HOOK_MS - 300);
  }
});

test("a run says so when the sandbox's code or its worker's script cannot be loaded, and the next run loads them again", async ({
  page,
}) => {
  const code = '**/assets/createRunner-*.js';
  const workerScript = '**/sandbox-worker-*.js';
  await page.route(code, (route) => route.fulfill({ status: 503 }));
  await page.route(workerScript, (route) => route.fulfill({ status: 503 }));
  await openApp(page);
  expect(await runToEnd(page)).toMatch(/crashed/i);
  await expect(page.getByText(/Sandbox could not start: .*createRunner-/)).toBeVisible();
  // A brief failure needs no reload: each run asks again for what did not come.
  await page.unroute(code);
  expect(await runToEnd(page)).toMatch(/crashed/i);
  await expect(
    page.getByText(/Sandbox could not start: .*sandbox-worker-.*answered 503/),
  ).toBeVisible();
  await page.unroute(workerScript);
  expect(await runToEnd(page)).toMatch(/^Succeeded in \d+ ms/);
});
