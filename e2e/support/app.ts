import {
  test as playwright,
  expect,
  type Page,
  type Locator,
  type Request,
} from '@playwright/test';

import { sharedContextFixtures } from './sharedContext';

const base = playwright.extend(sharedContextFixtures);

/** Hosts a page of Hookpad may talk to: the preview server only. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function leavesMachine(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'blob:' || protocol === 'data:' || protocol === 'about:') return false;
  return !LOCAL_HOSTS.has(hostname);
}

/**
 * Every test runs with a guard: a request that leaves localhost (a CDN, a font, a hook's
 * fetch) is recorded, and the test fails at its end. The browser cannot send it anyway:
 * its host resolver answers "not found" for every host but the local ones (OFFLINE_ARGS in
 * playwright.config.ts). Nothing is intercepted, so the app's own requests do not
 * round-trip through the test runner.
 */
export const test = base.extend<{ outsideRequests: string[] }>({
  outsideRequests: [
    async ({ context }, use) => {
      const outside: string[] = [];
      const record = (request: Request) => {
        if (leavesMachine(request.url()) && !outside.includes(request.url()))
          outside.push(request.url());
      };
      context.on('request', record);
      await use(outside);
      context.off('request', record);
      expect(outside, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const status = (page: Page): Locator =>
  page.getByRole('status').filter({
    hasText: /Press Ctrl\+Enter|Running|Succeeded|Failed|Denied|Timed out|Cancelled|crashed/,
  });

/** Opens the app with a clean slate and waits for the hook editor. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForEditors(page);
}

export async function waitForEditors(page: Page): Promise<void> {
  // A fresh context downloads and compiles Monaco: ~3.5 s on an idle machine, over 10 s on a
  // busy one. A longer wait costs nothing when the editor comes sooner.
  await expect(
    page.getByRole('region', { name: 'Hook code' }).locator('.monaco-editor'),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Payload' }).locator('.monaco-editor')).toBeVisible(
    { timeout: 30_000 },
  );
}

async function replaceEditorText(page: Page, region: string, text: string): Promise<void> {
  const editor = page.getByRole('region', { name: region }).locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Pasting, unlike typing, bypasses Monaco's auto-indent and auto-closing of brackets.
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

export async function setCode(page: Page, code: string): Promise<void> {
  await replaceEditorText(page, 'Hook code', code);
  // The paste lands within a frame or two: poll often rather than at expect.poll's 100,
  // 250, 500, 1000 ms steps.
  await expect
    .poll(async () => normalise(await editorText(page, 'Hook code')), { intervals: [25, 50, 100] })
    .toBe(normalise(code));
}

export async function setPayload(page: Page, payload: unknown): Promise<void> {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  await replaceEditorText(page, 'Payload', text);
}

/** The text of a Monaco editor, read from its model through the rendered lines' container. */
export async function editorText(page: Page, region: string): Promise<string> {
  return page
    .getByRole('region', { name: region })
    .locator('.monaco-editor .view-lines')
    .first()
    .evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));
}

function normalise(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The Hooks navigation, and a hook's button in it by exact name. */
export const hooksNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Hooks' });
export const hookButton = (page: Page, name: string): Locator =>
  hooksNav(page).getByRole('button', { name, exact: true });

/** "New hook" with what its dialog proposes: the selected hook's point and the next name. */
export async function createHook(page: Page): Promise<void> {
  await hooksNav(page).getByRole('button', { name: 'New hook' }).click();
  await page
    .getByRole('dialog', { name: 'New hook' })
    .getByRole('button', { name: 'Create' })
    .click();
}

export async function selectPoint(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Extensibility point' }).selectOption({ label });
}

export async function setTimeoutMs(page: Page, ms: number): Promise<void> {
  await page.getByLabel('Timeout (ms)').fill(String(ms));
}

export async function run(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

/** The run inputs that fold away under their title in the runner column. */
export type InputName = 'Secrets' | 'Storage' | 'HTTP mocks' | 'Modules' | 'Dependencies';

/** The toggle of an input section: its name, then its count, "Secrets (2)". */
export const inputToggle = (page: Page, name: InputName): Locator =>
  page
    .getByRole('region', { name, exact: true })
    .getByRole('button', { name: new RegExp(`^${name}( \\(.*\\))?$`) });

/** Opens an input section (if it is closed) so its controls can be used; returns its region. */
export async function openInput(page: Page, name: InputName): Promise<Locator> {
  const toggle = inputToggle(page, name);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return page.getByRole('region', { name, exact: true });
}

/** Runs and waits until the status has left "Running…". */
export async function runToEnd(page: Page, timeout = 30_000): Promise<string> {
  await run(page);
  const s = status(page);
  await expect(s).not.toHaveText(/Running|Press Ctrl/, { timeout });
  return (await s.textContent()) ?? '';
}

/** The JSON text of a result region (Response, Merged user), parsed. */
export async function regionJson(page: Page, name: string): Promise<unknown> {
  const text = await page.getByRole('region', { name }).locator('pre').first().textContent();
  return JSON.parse(text ?? 'null');
}

interface StoredHook {
  id: string;
  name: string;
  draft: { code: string };
}

/** The hook records the app has stored in IndexedDB (read from the page, as the app would). */
export async function storedHooks(page: Page): Promise<StoredHook[]> {
  return page.evaluate(
    () =>
      new Promise<StoredHook[]>((resolve, reject) => {
        const open = indexedDB.open('hookpad');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('workspace')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('workspace').objectStore('workspace').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as StoredHook[]).filter(
                (value) => typeof value === 'object' && value !== null && 'draft' in value,
              ),
            );
          };
        };
      }),
  );
}
