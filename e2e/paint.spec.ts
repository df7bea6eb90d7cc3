import type { Page } from '@playwright/test';
import { test, expect, waitForEditors } from './support/app';

// A first visit: nothing of the build in the HTTP cache yet.
test.use({ freshContext: true });

type Held = Window & { releaseIndexedDb?: () => void };
type Shifts = Window & { layoutShift?: number };

/**
 * Holds back every IndexedDB open until the test calls `releaseIndexedDb()` in the page: the
 * database opens, but its success reaches the app only then (the app's store sets
 * `onsuccess`, which this wraps).
 */
async function holdIndexedDb(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const waiting: (() => void)[] = [];
    let released = false;
    (window as Held).releaseIndexedDb = () => {
      released = true;
      for (const answer of waiting.splice(0)) answer();
    };
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
      const request = open.apply(this, args);
      let handler: IDBOpenDBRequest['onsuccess'] = null;
      Object.defineProperty(request, 'onsuccess', {
        configurable: true,
        get: () => handler,
        set: (value: IDBOpenDBRequest['onsuccess']) => (handler = value),
      });
      request.addEventListener('success', (event) => {
        const answer = () => handler?.call(request, event);
        if (released) answer();
        else waiting.push(answer);
      });
      return request;
    };
  });
}

/** Sums the page's layout shifts (not those right after an input) from its first paint on. */
async function recordLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as Shifts).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!entry.hadRecentInput) (window as Shifts).layoutShift! += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShift = (page: Page) => page.evaluate(() => (window as Shifts).layoutShift ?? NaN);

test('the shell is painted before IndexedDB answers, and the editors take its placeholders’ places', async ({
  page,
}) => {
  await holdIndexedDb(page);
  await recordLayoutShift(page);
  await page.goto('/');

  const header = page.getByRole('banner');
  await expect(header.getByRole('heading', { name: 'Hookpad', level: 1 })).toBeVisible();
  const hooksSkeleton = page.getByRole('region', { name: 'Hooks' });
  await expect(hooksSkeleton).toBeVisible();
  await expect(hooksSkeleton).toHaveAttribute('aria-busy', 'true');
  await expect(hooksSkeleton.getByText('Loading hooks…')).toBeVisible();
  const placeholders = page.getByText('Loading editor…');
  await expect(placeholders).toHaveCount(2);
  // Nothing is announced as an editor, or as the hooks list, before the workspace is read.
  await expect(page.getByRole('region', { name: 'Hook code' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Payload' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Hooks' })).toHaveCount(0);

  const headerBox = await header.boundingBox();
  const codeBox = await placeholders.nth(0).locator('..').boundingBox();
  const payloadBox = await placeholders.nth(1).locator('..').boundingBox();

  await page.evaluate(() => (window as Held).releaseIndexedDb?.());
  await waitForEditors(page);
  await expect(hooksSkeleton).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Hooks' }).getByRole('button', {
      name: 'Client Credentials Exchange',
    }),
  ).toBeVisible();

  expect(await header.boundingBox()).toEqual(headerBox);
  // Each editor fills its placeholder's box (less the payload box's bottom border).
  for (const [region, placeholder] of [
    ['Hook code', codeBox],
    ['Payload', payloadBox],
  ] as const) {
    const editor = await page
      .getByRole('region', { name: region })
      .locator('.monaco-editor')
      .locator('..')
      .boundingBox();
    expect(editor).not.toBeNull();
    expect({ ...editor!, height: 0 }).toEqual({ ...placeholder!, height: 0 });
    expect(Math.abs(editor!.height - placeholder!.height)).toBeLessThanOrEqual(1);
  }
  expect(await layoutShift(page)).toBeLessThan(0.05);
});

test('loading the app, first visit and again, shifts its layout by less than 0.05', async ({
  page,
}) => {
  await recordLayoutShift(page);
  await page.goto('/');
  await waitForEditors(page);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText(
    'The payload is valid for this point.',
  );
  expect(await layoutShift(page)).toBeLessThan(0.05);

  await page.reload();
  await waitForEditors(page);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText(
    'The payload is valid for this point.',
  );
  expect(await layoutShift(page)).toBeLessThan(0.05);
});

test('when the app’s code cannot be downloaded, the shell says so instead of loading forever', async ({
  page,
}) => {
  await page.route(/\/assets\/startApp-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Hookpad could not start.');
  await expect(alert).toContainText('reload the page to try again');
  await expect(page.getByText('Loading hooks…')).toHaveCount(0);

  await page.unroute(/\/assets\/startApp-[^/]+\.js$/);
  await page.reload();
  await waitForEditors(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the shell paints styled while the style sheets are still on their way, and the app waits for them', async ({
  page,
}) => {
  const held: (() => void)[] = [];
  let release: (() => void) | undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/[^/]+\.css$/, async (route) => {
    held.push(() => undefined);
    await released;
    await route.continue();
  });
  await recordLayoutShift(page);
  const appCode = page.waitForResponse(/\/assets\/startApp-[^/]+\.js$/);
  // The page's load event waits for every sheet; the shell does not.
  await page.goto('/', { waitUntil: 'commit' });

  // The shell's rules come inline with the page: its header is laid out as the app's is.
  const header = page.getByRole('banner');
  await expect(header.getByRole('heading', { name: 'Hookpad', level: 1 })).toBeVisible();
  expect(await header.evaluate((el) => getComputedStyle(el).display)).toBe('flex');
  const headerBox = await header.boundingBox();
  const placeholderBox = await page
    .getByText('Loading editor…')
    .first()
    .locator('..')
    .boundingBox();
  expect(held.length).toBeGreaterThan(0);

  // The app's code has arrived, but the app does not replace the shell before its sheets apply.
  await appCode;
  await page.waitForTimeout(300);
  await expect(page.getByText('Loading hooks…')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Hooks' })).toHaveCount(0);

  release?.();
  await waitForEditors(page);
  expect(await header.boundingBox()).toEqual(headerBox);
  const editorBox = await page
    .getByRole('region', { name: 'Hook code' })
    .locator('.monaco-editor')
    .locator('..')
    .boundingBox();
  expect({ ...editorBox!, height: 0 }).toEqual({ ...placeholderBox!, height: 0 });
  expect(await layoutShift(page)).toBeLessThan(0.05);
});
