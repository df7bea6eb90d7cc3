import { describe, expect, test, vi } from 'vitest';
import { createUpdatePrompt, type UpdateSource } from './updatePrompt';

function fakeSource(waits = true) {
  const waiting: (() => void)[] = [];
  const controlling: (() => void)[] = [];
  const source: UpdateSource & { skips: number } = {
    skips: 0,
    onWaiting: (listener) => waiting.push(listener),
    onControlling: (listener) => controlling.push(listener),
    skipWaiting() {
      source.skips++;
      return waits;
    },
  };
  return {
    source,
    waiting: () => waiting.forEach((listener) => listener()),
    controlling: () => controlling.forEach((listener) => listener()),
  };
}

describe('createUpdatePrompt', () => {
  test('is current until a new worker waits, then offers the update and tells subscribers', () => {
    const fake = fakeSource();
    const prompt = createUpdatePrompt(fake.source, vi.fn());
    const listener = vi.fn();
    prompt.subscribe(listener);
    expect(prompt.status()).toBe('current');
    fake.waiting();
    expect(prompt.status()).toBe('available');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('never reloads by itself: a waiting worker is not activated without Reload', () => {
    const fake = fakeSource();
    const reload = vi.fn();
    createUpdatePrompt(fake.source, reload);
    fake.waiting();
    expect(fake.source.skips).toBe(0);
    expect(reload).not.toHaveBeenCalled();
  });

  test('Reload activates the waiting worker and reloads only once it controls the page', () => {
    const fake = fakeSource();
    const reload = vi.fn();
    const prompt = createUpdatePrompt(fake.source, reload);
    fake.waiting();
    prompt.apply();
    expect(fake.source.skips).toBe(1);
    expect(prompt.status()).toBe('reloading');
    expect(reload).not.toHaveBeenCalled();
    fake.controlling();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('a second Reload while the first is under way asks nothing more', () => {
    const fake = fakeSource();
    const prompt = createUpdatePrompt(fake.source, vi.fn());
    fake.waiting();
    prompt.apply();
    prompt.apply();
    expect(fake.source.skips).toBe(1);
  });

  test('Reload does nothing while no update is available', () => {
    const fake = fakeSource();
    const reload = vi.fn();
    const prompt = createUpdatePrompt(fake.source, reload);
    prompt.apply();
    expect(fake.source.skips).toBe(0);
    expect(reload).not.toHaveBeenCalled();
  });

  test("another tab's Reload keeps this page as it is and still offers the update", () => {
    const fake = fakeSource();
    const reload = vi.fn();
    const prompt = createUpdatePrompt(fake.source, reload);
    fake.waiting();
    fake.controlling();
    expect(reload).not.toHaveBeenCalled();
    expect(prompt.status()).toBe('available');
  });

  test('Reload after another tab activated the worker just reloads', () => {
    const fake = fakeSource(false);
    const reload = vi.fn();
    const prompt = createUpdatePrompt(fake.source, reload);
    fake.waiting();
    fake.controlling();
    prompt.apply();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
