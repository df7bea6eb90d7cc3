import { describe, expect, it, vi } from 'vitest';
import { createPartLoader, renewFailedParts } from './partLoader';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const offline = () => new TypeError('Failed to fetch dynamically imported module');

describe('createPartLoader', () => {
  it('is pending until asked, then loaded, with one notice and a stable state', async () => {
    const load = vi.fn(async () => 'View');
    const loader = createPartLoader(load);
    const listener = vi.fn();
    loader.subscribe(listener);
    const pending = loader.state();
    expect(pending).toEqual({ status: 'pending' });
    expect(loader.state()).toBe(pending);
    expect(load).not.toHaveBeenCalled();

    loader.request();
    loader.request(); // a second render while it comes asks nothing more
    await settle();
    expect(loader.state()).toEqual({ status: 'loaded', value: 'View' });
    expect(loader.state()).toBe(loader.state());
    expect(listener).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('is loaded before the view renders when it was preloaded', async () => {
    const load = vi.fn(async () => 'View');
    const loader = createPartLoader(load);
    loader.preload();
    loader.preload();
    await settle();
    // What a view rendering now reads: the code, without waiting for anything.
    expect(loader.state()).toEqual({ status: 'loaded', value: 'View' });
    loader.request();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shares one request between a preload and the view that renders meanwhile', async () => {
    let resolve: (value: string) => void = () => undefined;
    const load = vi.fn(() => new Promise<string>((done) => (resolve = done)));
    const loader = createPartLoader(load);
    loader.preload();
    loader.request();
    resolve('View');
    await settle();
    expect(loader.state()).toEqual({ status: 'loaded', value: 'View' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps a shown view’s failure until the failed parts are renewed, then asks again', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(offline());
    load.mockResolvedValue('View');
    const loader = createPartLoader(load);
    const listener = vi.fn();
    loader.subscribe(listener);

    loader.request();
    await settle();
    const failed = loader.state();
    expect(failed).toMatchObject({ status: 'failed', error: offline() });
    // React renders a failed view once more before its boundary shows the error: that
    // render must not ask again, or the view would fail, and ask, without end.
    loader.request();
    await settle();
    expect(loader.state()).toBe(failed);
    expect(load).toHaveBeenCalledTimes(1);

    renewFailedParts(); // "Try again"
    expect(loader.state()).toEqual({ status: 'pending' });
    loader.request();
    await settle();
    expect(loader.state()).toEqual({ status: 'loaded', value: 'View' });
    expect(load).toHaveBeenCalledTimes(2);
    expect(listener).toHaveBeenCalledTimes(3); // failed, pending, loaded
  });

  it('forgets a failed preload: the view asks again when it renders', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(offline());
    load.mockResolvedValue('View');
    const loader = createPartLoader(load);
    loader.preload();
    await settle();
    expect(loader.state()).toEqual({ status: 'pending' });
    loader.request();
    await settle();
    expect(loader.state()).toEqual({ status: 'loaded', value: 'View' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('stops telling a listener once it unsubscribes, and leaves loaded parts alone on renew', async () => {
    const loader = createPartLoader(async () => 'View');
    const listener = vi.fn();
    const unsubscribe = loader.subscribe(listener);
    unsubscribe();
    loader.request();
    await settle();
    renewFailedParts();
    expect(loader.state()).toEqual({ status: 'loaded', value: 'View' });
    expect(listener).not.toHaveBeenCalled();
  });
});
