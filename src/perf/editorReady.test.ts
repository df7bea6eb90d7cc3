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

test('the heavy background work waits for the sandbox to start after start-up', async () => {
  const { afterSandboxStart, measureEditorReady, sandboxStarted } = await load();
  const background = afterSandboxStart();
  // A sandbox that starts before the editor is ready does not release it early.
  sandboxStarted();
  expect(await settled(background)).toBe(false);
  measureEditorReady();
  await vi.advanceTimersByTimeAsync(1); // start-up's idle moment, then the background's
  expect(await settled(background)).toBe(true);
});

test('the heavy background work waits for the sandbox, then for the fallback without it', async () => {
  const { afterSandboxStart, measureEditorReady, sandboxStarted, SANDBOX_FALLBACK_MS } =
    await load();
  const background = afterSandboxStart();
  measureEditorReady();
  expect(await settled(background)).toBe(false);
  sandboxStarted();
  expect(await settled(background)).toBe(true);

  vi.resetModules();
  const later = await load();
  const withoutSandbox = later.afterSandboxStart();
  later.measureEditorReady();
  await vi.advanceTimersByTimeAsync(SANDBOX_FALLBACK_MS - 100);
  expect(await settled(withoutSandbox)).toBe(false);
  await vi.advanceTimersByTimeAsync(110);
  expect(await settled(withoutSandbox)).toBe(true);
});
