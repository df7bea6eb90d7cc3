import { test, expect } from '@playwright/test';

// The suite's own browser (e2e/support/chromium.mjs): what it starts beside the page under test
// competes with it for the CPU.

test('a new browser context starts none of the address bar’s popups', async ({ browser }) => {
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    for (const context of contexts) await (await context.newPage()).goto('about:blank');
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send('Target.getTargets', { filter: [{}] });
    await session.detach();
    // Without the flag, each context's window has two by the time its page has loaded.
    expect(targetInfos.filter((target) => target.url.startsWith('chrome://omnibox'))).toEqual([]);
    expect(targetInfos.filter((target) => target.type === 'page')).toHaveLength(2);
  } finally {
    for (const context of contexts) await context.close();
  }
});
