import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  CDPSession,
  Fixtures,
  Page,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
} from '@playwright/test';

/** The context a worker keeps between journeys, and the options it was made with. */
interface Kept {
  context?: BrowserContext;
  options?: string;
  /** A blank page of that context whose DevTools session empties the app's storage. */
  janitor?: { page: Page; cdp: CDPSession };
}

export interface SharedContextOptions {
  /** A context of the journey's own (a first visit: cold HTTP cache), as Playwright's default. */
  freshContext: boolean;
}

interface SharedContextFixtures {
  /** What Playwright's own `context` fixture would create (config and test.use combined). */
  _combinedContextOptions: BrowserContextOptions;
}

interface SharedContextWorkerFixtures {
  keptContext: Kept;
}

/** Every event a journey may have listened to on the context. */
const CONTEXT_EVENTS = [
  'backgroundpage',
  'close',
  'console',
  'dialog',
  'page',
  'request',
  'requestfailed',
  'requestfinished',
  'response',
  'serviceworker',
  'weberror',
] as const;

type Listener = (...args: unknown[]) => void;
type Events = {
  listeners(event: string): Listener[];
  off(event: string, listener: Listener): unknown;
};

/** Removes the listeners a journey added to the context, so the next one starts without them. */
function listenersSince(context: BrowserContext): () => void {
  const events = context as unknown as Events;
  const before = new Map(CONTEXT_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  return () => {
    for (const event of CONTEXT_EVENTS) {
      for (const listener of events.listeners(event)) {
        if (!before.get(event)!.has(listener)) events.off(event, listener);
      }
    }
  };
}

/**
 * Empties what the app stores for the origin (IndexedDB, localStorage, caches, service
 * workers…), the HTTP cache excepted: the next journey opens a first-run app without
 * downloading and compiling the build again. The DevTools session is the kept blank page's,
 * opened once: a page and a session per journey cost ~0.3–0.6 s on 2 CPUs, the call itself
 * a few milliseconds.
 */
async function clearOrigin(kept: Kept, context: BrowserContext, origin: string): Promise<void> {
  if (!kept.janitor || kept.janitor.page.isClosed()) {
    const page = await context.newPage();
    kept.janitor = { page, cdp: await context.newCDPSession(page) };
  }
  await kept.janitor.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
}

async function reused(browser: Browser, kept: Kept, options: BrowserContextOptions) {
  const key = JSON.stringify(options);
  if (kept.context && kept.options === key) {
    await clearOrigin(kept, kept.context, new URL(options.baseURL!).origin);
    return kept.context;
  }
  await kept.context?.close();
  kept.context = await browser.newContext(options);
  kept.options = key;
  kept.janitor = undefined;
  return kept.context;
}

/**
 * Journeys share one browser context per worker: each starts with no page of the app open and
 * nothing stored for the app's origin, so it opens a first-run app as in a new context, but from a warm
 * HTTP cache (README, Tests). Journeys that need a first visit (cold cache) or a
 * service worker get a context of their own, as does the one after a failed journey.
 * HOOKPAD_E2E_FRESH_CONTEXT=1 gives every journey its own context.
 */
export const sharedContextFixtures: Fixtures<
  SharedContextOptions & SharedContextFixtures,
  SharedContextWorkerFixtures,
  PlaywrightTestArgs & PlaywrightTestOptions,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = {
  freshContext: [false, { option: true }],
  keptContext: [
    // Playwright reads a fixture's dependencies from its first parameter: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const kept: Kept = {};
      await use(kept);
      await kept.context?.close();
    },
    { scope: 'worker' },
  ],
  context: async (
    { browser, keptContext, freshContext, _combinedContextOptions: options },
    use,
    testInfo,
  ) => {
    if (
      freshContext ||
      options.serviceWorkers !== 'block' ||
      !options.baseURL ||
      process.env.HOOKPAD_E2E_FRESH_CONTEXT
    ) {
      const own = await browser.newContext(options);
      await use(own);
      await own.close();
      return;
    }
    const context = await reused(browser, keptContext, options);
    const restoreListeners = listenersSince(context);
    await use(context);
    restoreListeners();
    if (testInfo.status !== testInfo.expectedStatus) {
      // A failed journey may leave anything behind: the next one starts from a new context.
      await context.close();
      keptContext.context = undefined;
      keptContext.janitor = undefined;
      return;
    }
    for (const page of context.pages()) {
      if (page !== keptContext.janitor?.page) await page.close();
    }
  },
  page: async ({ context }, use) => {
    await use(await context.newPage());
  },
};
