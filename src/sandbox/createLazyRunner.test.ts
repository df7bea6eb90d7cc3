import { describe, expect, it } from 'vitest';
import type { RunOutcome, RunRequest } from '../core/schemas';
import { createLazyRunner } from './createLazyRunner';
import type { Runner } from './runner';

const request = { code: 'module.exports = (u, c, cb) => cb();' } as unknown as RunRequest;
const options = { timeoutMs: 1000, onLog: () => {} };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A runner that records its runs and lets the test settle them. */
function createFakeRunner() {
  const runs: { settle(outcome: RunOutcome): void }[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const runner: Runner = {
    whenReady: () => whenReady,
    run() {
      let settle!: (outcome: RunOutcome) => void;
      const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
      runs.push({ settle });
      return { outcome, done: outcome.then(() => undefined), cancel() {} };
    },
    dispose() {},
  };
  return { runner, runs, ready };
}

/** A lazy runner over a fake, with its load and its idle moment in the test's hands. */
function setup({ fails = false } = {}) {
  const fake = createFakeRunner();
  let loads = 0;
  let idle!: () => void;
  const whenIdle = new Promise<void>((resolve) => (idle = resolve));
  const lazy = createLazyRunner(
    () => {
      loads += 1;
      return fails
        ? Promise.reject(new Error('offline'))
        : Promise.resolve({ createRunner: () => fake.runner });
    },
    { whenIdle: () => whenIdle },
  );
  return { lazy, fake, idle, loads: () => loads };
}

describe('createLazyRunner', () => {
  it('preloads only once the page is idle', async () => {
    const { lazy, idle, loads } = setup();
    const preloaded = lazy.preload();
    await tick();
    expect(loads()).toBe(0);
    idle();
    await preloaded;
    expect(loads()).toBe(1);
  });

  it('prepare loads at once, and the run that follows uses that load', async () => {
    const { lazy, fake, loads } = setup();
    lazy.prepare?.();
    expect(loads()).toBe(1);
    await tick();
    // Loaded: the run reaches the sandbox synchronously, with no second load.
    lazy.run(request, options);
    expect(fake.runs).toHaveLength(1);
    expect(loads()).toBe(1);
  });

  it('a run before the load has finished waits for the same load', async () => {
    const { lazy, fake, loads } = setup();
    lazy.prepare?.();
    const handle = lazy.run(request, options);
    expect(fake.runs).toHaveLength(0);
    await tick();
    expect(fake.runs).toHaveLength(1);
    expect(loads()).toBe(1);
    fake.runs[0]!.settle({ status: 'succeeded', response: null, durationMs: 1 });
    await expect(handle.outcome).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('a failed load is reported by the run, not thrown by prepare', async () => {
    const { lazy } = setup({ fails: true });
    expect(() => lazy.prepare?.()).not.toThrow();
    await tick();
    const { outcome } = lazy.run(request, options);
    await expect(outcome).resolves.toEqual({
      status: 'crashed',
      durationMs: 0,
      message: 'Sandbox could not start: offline',
    });
  });

  it('forgets a failed load: the next run loads again and runs', async () => {
    const fake = createFakeRunner();
    let loads = 0;
    const lazy = createLazyRunner(
      () => {
        loads += 1;
        return loads === 1
          ? Promise.reject(new Error('Failed to fetch dynamically imported module'))
          : Promise.resolve({ createRunner: () => fake.runner });
      },
      { whenIdle: () => new Promise<void>(() => {}) },
    );
    await expect(lazy.run(request, options).outcome).resolves.toMatchObject({
      status: 'crashed',
      message: 'Sandbox could not start: Failed to fetch dynamically imported module',
    });
    const second = lazy.run(request, options);
    await tick();
    expect(loads).toBe(2);
    fake.runs[0]!.settle({ status: 'succeeded', durationMs: 3, response: {} } as RunOutcome);
    await expect(second.outcome).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('is ready once loaded and its sandbox is; one that cannot load never is', async () => {
    const { lazy, fake, loads } = setup();
    let ready = false;
    void lazy.whenReady!().then(() => (ready = true));
    expect(loads()).toBe(1);
    await tick();
    expect(ready).toBe(false);
    fake.ready();
    await tick();
    expect(ready).toBe(true);

    const failing = setup({ fails: true }).lazy;
    let settled = false;
    void failing.whenReady!().then(
      () => (settled = true),
      () => (settled = true),
    );
    await tick();
    expect(settled).toBe(false);
  });
});
