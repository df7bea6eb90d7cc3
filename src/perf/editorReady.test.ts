import { afterEach, beforeEach, expect, test, vi } from 'vitest';

// The module keeps its promises for the page's life: each test takes a fresh copy.
const load = () => import('./editorReady');

beforeEach(() => {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
});
afterEach(() => vi.useRealTimers());

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

test('deferred work waits for a slow editor, past 10 s, instead of competing with it', async () => {
  const { afterStartup, measureEditorReady } = await load();
  const startup = afterStartup();
  await vi.advanceTimersByTimeAsync(12_000);
  expect(await settled(startup)).toBe(false);
  measureEditorReady();
  expect(await settled(startup)).toBe(true);
});

test('an editor that could not load releases deferred work at once', async () => {
  const { afterStartup, editorUnavailable } = await load();
  const startup = afterStartup();
  expect(await settled(startup)).toBe(false);
  editorUnavailable();
  expect(await settled(startup)).toBe(true);
});

test('an editor that neither mounts nor fails releases deferred work after the fallback', async () => {
  const { afterStartup, STARTUP_FALLBACK_MS } = await load();

  const startup = afterStartup();
  await vi.advanceTimersByTimeAsync(STARTUP_FALLBACK_MS - 100);
  expect(await settled(startup)).toBe(false);
  await vi.advanceTimersByTimeAsync(110);
  expect(await settled(startup)).toBe(true);
});
