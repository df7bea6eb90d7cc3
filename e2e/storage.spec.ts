import { readFile } from 'node:fs/promises';
import {
  editorText,
  expect,
  hooksNav,
  openApp,
  setCode,
  storedHooks,
  test,
  waitForEditors,
} from './support/app';

test('the foundation’s stored drafts become hooks on the first load', async ({ page }) => {
  const legacy = {
    state: {
      pointId: 'send-phone-message',
      drafts: {
        'send-phone-message': {
          code: 'module.exports = function (recipient, text, context, cb) { cb(null, { old: 1 }); };',
          payloadText: '{ "recipient": "1", "text": "t", "context": {} }',
          secrets: [{ id: 's1', name: 'TWILIO_SID', value: 'AC123' }],
        },
      },
      timeoutMs: 3000,
      codePaneFraction: 0.5,
    },
    version: 2,
  };
  await page.addInitScript((value) => {
    // Only before the app's first load: later reloads must not put it back.
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('hookpad:v1', JSON.stringify(value));
      sessionStorage.setItem('seeded', '1');
    }
  }, legacy);
  await openApp(page);
  await expect(hooksNav(page).locator('[aria-current="true"]')).toHaveAccessibleName(
    'Send Phone Message',
  );
  expect(await editorText(page, 'Hook code')).toContain('old: 1');
  await expect(page.getByLabel('Timeout (ms)')).toHaveValue('3000');
  await expect(page.getByRole('region', { name: 'Secrets' }).getByLabel('Secret name')).toHaveValue(
    'TWILIO_SID',
  );
  // The old key is kept under another name, never deleted.
  expect(await page.evaluate(() => localStorage.getItem('hookpad:v1'))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('hookpad:v1:migrated'))).toContain(
    'old: 1',
  );
  await page.reload();
  await waitForEditors(page);
  await expect(hooksNav(page).getByRole('listitem')).toHaveCount(1);
});

test('a stored hook that cannot be read is kept aside, reported and exportable raw', async ({
  page,
}) => {
  await openApp(page);
  await setCode(page, '// the good one\nmodule.exports = function (c, s, a, ctx, cb) { cb(); };');
  await expect
    .poll(async () => (await storedHooks(page)).map((hook) => hook.draft.code).join())
    .toContain('the good one');
  // A record written by something else (or a damaged disk): it fails the schema.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hookpad');
        open.onsuccess = () => {
          const tx = open.result.transaction('workspace', 'readwrite');
          tx.objectStore('workspace').put(
            { id: 'broken', name: 'Broken', pointId: 'no-such-point', secret: 'raw-data' },
            'hook:broken',
          );
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await waitForEditors(page);
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toContainText('1 hook could not be read — export it raw');
  // The good hook is untouched.
  expect(await editorText(page, 'Hook code')).toContain('the good one');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Export raw' }).click(),
  ]);
  const raw = await readFile((await download.path())!, 'utf8');
  expect(raw).toContain('hook:broken');
  expect(raw).toContain('raw-data');
  // Editing other hooks never removes it.
  await setCode(page, '// edited again\nmodule.exports = function (c, s, a, ctx, cb) { cb(); };');
  await page.reload();
  await waitForEditors(page);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
});

test('a full disk is reported, the edit stays in the page, and it is saved once there is room', async ({
  page,
}) => {
  // Writes fail as a full disk would while window.__diskFull is set.
  await page.addInitScript(() => {
    const flags = window as unknown as { __diskFull?: boolean };
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      if (flags.__diskFull && args[1] === 'readwrite') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return transaction.apply(this, args);
    } as IDBDatabase['transaction'];
  });
  await openApp(page);
  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true));
  await setCode(
    page,
    '// written on a full disk\nmodule.exports = function (c, s, a, ctx, cb) { cb(); };',
  );
  const full = page.getByRole('alert').filter({ hasText: "The browser's storage is full" });
  await expect(full).toBeVisible();
  expect(await editorText(page, 'Hook code')).toContain('written on a full disk');
  expect((await storedHooks(page)).map((hook) => hook.draft.code).join()).not.toContain(
    'written on a full disk',
  );

  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = false));
  await setCode(page, '// room again\nmodule.exports = function (c, s, a, ctx, cb) { cb(); };');
  await expect
    .poll(async () => (await storedHooks(page)).map((hook) => hook.draft.code).join())
    .toContain('room again');
  await expect(full).toHaveCount(0);
});
