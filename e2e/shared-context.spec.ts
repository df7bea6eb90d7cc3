import type { Page } from '@playwright/test';

import { test, expect, openApp } from './support/app';

// The suite's own fixture (e2e/support/sharedContext.ts): a journey's page goes to the next
// journey, on about:blank, unless the journey left something on it that a navigation keeps.

/** Playwright's Page is an event emitter, though its typings do not say so. */
const consoleListenerCount = (page: Page): number =>
  (page as unknown as { listeners(event: string): unknown[] }).listeners('console').length;

/** How many animation frames the page gets in half a second. */
const framesIn500Ms = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const end = performance.now() + 500;
        const count = () => {
          if (performance.now() >= end) resolve(frames);
          else {
            frames += 1;
            requestAnimationFrame(count);
          }
        };
        requestAnimationFrame(count);
      }),
  );

test.describe.serial('a journey’s page in the shared context', () => {
  test.skip(
    Boolean(process.env.HOOKPAD_E2E_FRESH_CONTEXT || process.env.HOOKPAD_E2E_FRESH_PAGE),
    'these runs give every journey a new page on purpose',
  );

  let previous: Page | undefined;
  let consoleListeners = 0;

  test('is handed to the next journey on about:blank, in front, without its listeners', async ({
    page,
    context,
  }) => {
    consoleListeners = consoleListenerCount(page);
    page.on('console', () => undefined);
    await page.goto('/favicon.svg');
    // The context's other pages closed (the blank one that empties the storage among them):
    // the next journey opens that one anew, in front of this page.
    for (const other of context.pages()) if (other !== page) await other.close();
    previous = page;
  });

  test('is closed once something sticky was set on it', async ({ page }) => {
    expect(page).toBe(previous);
    expect(page.url()).toBe('about:blank');
    // In front: a page behind another gets an animation frame every ~200 ms, not every ~16.
    await openApp(page);
    expect(await framesIn500Ms(page)).toBeGreaterThanOrEqual(10);
    expect(consoleListenerCount(page)).toBe(consoleListeners);
    await page.emulateMedia({ colorScheme: 'dark' });
    previous = page;
  });

  test('and the next journey gets a new page, without it', async ({ page }) => {
    expect(page).not.toBe(previous);
    expect(previous?.isClosed()).toBe(true);
    await page.goto('/favicon.svg');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
      false,
    );
  });
});
