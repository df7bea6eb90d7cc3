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
  /** The last journey's page, on about:blank, for the next journey (see keptPage). */
  page?: Page;
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

/** Every event a journey may have listened to on its page. */
const PAGE_EVENTS = [
  'close',
  'console',
  'crash',
  'dialog',
  'domcontentloaded',
  'download',
  'filechooser',
  'frameattached',
  'framedetached',
  'framenavigated',
  'load',
  'pageerror',
  'popup',
  'request',
  'requestfailed',
  'requestfinished',
  'response',
  'websocket',
  'worker',
] as const;

/**
 * What a page keeps across navigations once a journey has set it: a page on which any of
 * these was called is closed after its journey instead of being handed to the next one.
 */
const STICKY_PAGE_METHODS = [
  'addInitScript',
  'addLocatorHandler',
  'emulateMedia',
  'exposeBinding',
  'exposeFunction',
  'route',
  'routeFromHAR',
  'routeWebSocket',
  'setDefaultNavigationTimeout',
  'setDefaultTimeout',
  'setExtraHTTPHeaders',
  'setViewportSize',
] as const;

type Listener = (...args: unknown[]) => void;
type Events = {
  listeners(event: string): Listener[];
  off(event: string, listener: Listener): unknown;
};

/** Removes the listeners a journey added to the context or page: the next one starts without. */
function listenersSince(
  target: BrowserContext | Page,
  names: readonly string[] = CONTEXT_EVENTS,
): () => void {
  const events = target as unknown as Events;
  const before = new Map(names.map((event) => [event, new Set(events.listeners(event))]));
  return () => {
    for (const event of names) {
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

/**
 * Watches a page for what it would carry into the next journey (STICKY_PAGE_METHODS, a
 * DevTools session on it, any `keyboard.down` or `mouse.down`, whose key may still be held):
 * `used()` says whether any was called.
 * `restore()` puts the page's and context's own methods back.
 */
function watchSticky(page: Page, context: BrowserContext) {
  let used = false;
  const patched: [object, string][] = [];
  const patch = (target: object, name: string, when: (args: unknown[]) => boolean = () => true) => {
    const original = (target as Record<string, unknown>)[name];
    if (typeof original !== 'function') throw new Error(`Playwright has no ${name} to watch`);
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        if (when(args)) used = true;
        return (original as (...a: unknown[]) => unknown).apply(target, args);
      },
    });
    patched.push([target, name]);
  };
  for (const name of STICKY_PAGE_METHODS) patch(page, name);
  patch(page.keyboard, 'down');
  patch(page.mouse, 'down');
  patch(context, 'newCDPSession', ([target]) => target === page);
  return {
    used: () => used,
    restore: () => {
      for (const [target, name] of patched) delete (target as Record<string, unknown>)[name];
    },
  };
}

/**
 * The page a journey gets in the shared context: the previous journey's, if it left nothing
 * on it (watchSticky) and passed, navigated to about:blank at its end; else a new one.
 * Navigating the same tab back to the app costs ~0.5 s less on 2 CPUs than a new page: no new
 * renderer process, and the previous page is not torn down beside the new load (README, Tests).
 * The app's document, its workers and its in-memory state are new either way.
 */
async function keptPage(kept: Kept, context: BrowserContext): Promise<Page> {
  const page = kept.page;
  kept.page = undefined;
  if (page && !page.isClosed()) {
    // A page opened since (the blank page that empties the storage, a journey's second page)
    // is in front: a page behind it gets an animation frame every ~200 ms, and Playwright's
    // actions wait for frames (~2 s per click on 2 CPUs).
    await page.bringToFront();
    return page;
  }
  return context.newPage();
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
  kept.page = undefined;
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
      keptContext.page = undefined;
      return;
    }
    for (const page of context.pages()) {
      if (page !== keptContext.janitor?.page && page !== keptContext.page) await page.close();
    }
  },
  page: async ({ context, keptContext }, use, testInfo) => {
    const shared = context === keptContext.context && !process.env.HOOKPAD_E2E_FRESH_PAGE;
    if (!shared) {
      await use(await context.newPage());
      return;
    }
    const page = await keptPage(keptContext, context);
    const restoreListeners = listenersSince(page, PAGE_EVENTS);
    const sticky = watchSticky(page, context);
    await use(page);
    sticky.restore();
    restoreListeners();
    if (testInfo.status !== testInfo.expectedStatus || sticky.used() || page.isClosed()) return;
    // The app unloads here, before the next journey empties its storage.
    const left = await page.goto('about:blank').then(
      () => true,
      () => false,
    );
    if (left) keptContext.page = page;
  },
};
