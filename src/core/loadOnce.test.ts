import { describe, expect, it, vi } from 'vitest';
import { loadErrorText, loadOnce } from './loadOnce';

describe('loadOnce', () => {
  it('shares one request between callers', async () => {
    const load = vi.fn(async () => 'module');
    const get = loadOnce(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b]).toEqual(['module', 'module']);
    await get();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failed request, and keeps the success', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue('module');
    const get = loadOnce(load);
    await expect(get()).rejects.toThrow('Failed to fetch');
    await expect(get()).resolves.toBe('module');
    await expect(get()).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('loadErrorText', () => {
  it('gives the message without its final stop', () => {
    expect(loadErrorText(new TypeError('Failed to fetch.'))).toBe('Failed to fetch');
    expect(loadErrorText('offline')).toBe('offline');
    expect(loadErrorText(new Error(''))).toBe('unknown error');
  });
});
