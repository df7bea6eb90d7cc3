import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './createFakeRunner';
import { createDebouncedStorage } from './debouncedStorage';
import { STORAGE_KEY, STORAGE_VERSION } from './persistOptions';
import { starterDraft } from './workspaceSlice';

function mapStorage(initial: Record<string, unknown> = {}) {
  const items = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  const storage: StateStorage = {
    getItem: (name) => items.get(name) ?? null,
    setItem: (name, value) => void items.set(name, value),
    removeItem: (name) => void items.delete(name),
  };
  const read = () => JSON.parse(items.get(STORAGE_KEY) ?? 'null') as Record<string, unknown>;
  return { storage, read };
}

const newStore = (storage: StateStorage) =>
  createAppStore({ runner: createFakeRunner().runner, storage });

describe('persistence', () => {
  it('stores drafts, selection, timeout and layout under hookpad:v1 with a version', () => {
    const { storage, read } = mapStorage();
    const store = newStore(storage);
    store.getState().selectPoint('post-user-registration');
    store.getState().setCode('post-user-registration', "console.log('edited')");
    store.getState().setPayloadText('post-user-registration', '{ not json yet');
    store.getState().setTimeoutInput('2500');
    store.getState().setCodePaneFraction(0.4);

    const saved = read();
    expect(saved.version).toBe(STORAGE_VERSION);
    expect(saved.state).toEqual({
      pointId: 'post-user-registration',
      drafts: expect.objectContaining({
        'post-user-registration': { code: "console.log('edited')", payloadText: '{ not json yet' },
      }),
      timeoutMs: 2500,
      codePaneFraction: 0.4,
    });
  });

  it('never stores run results', () => {
    const { storage, read } = mapStorage();
    const store = newStore(storage);
    store.getState().setPayloadText(store.getState().pointId, '{');
    store.getState().startRun();
    expect(store.getState().run.status).toBe('done');
    expect(JSON.stringify(read())).not.toMatch(/"run"|not-started/);
  });

  it('restores what was stored on the next start', () => {
    const { storage } = mapStorage();
    const first = newStore(storage);
    first.getState().selectPoint('send-phone-message');
    first.getState().setCode('send-phone-message', 'kept');
    first.getState().setTimeoutInput('777');

    const second = newStore(storage).getState();
    expect(second.pointId).toBe('send-phone-message');
    expect(second.drafts['send-phone-message'].code).toBe('kept');
    expect(second.drafts['credentials-exchange']).toEqual(starterDraft('credentials-exchange'));
    expect(second.timeoutMs).toBe(777);
    expect(second.run.status).toBe('idle');
  });

  it('keeps the valid parts of damaged stored state', () => {
    const { storage } = mapStorage({
      [STORAGE_KEY]: {
        version: STORAGE_VERSION,
        state: {
          pointId: 'no-such-point',
          drafts: {
            'pre-user-registration': { code: 'survivor', payloadText: '{}' },
            'post-change-password': { code: 42 },
            'no-such-point': { code: 'x', payloadText: '' },
          },
          timeoutMs: 5,
          codePaneFraction: 3,
        },
      },
    });
    const state = newStore(storage).getState();
    expect(state.pointId).toBe('credentials-exchange');
    expect(state.drafts['pre-user-registration'].code).toBe('survivor');
    expect(state.drafts['post-change-password']).toEqual(starterDraft('post-change-password'));
    expect(state.drafts).not.toHaveProperty('no-such-point');
    expect(state.timeoutMs).toBe(20_000);
    expect(state.codePaneFraction).toBe(0.8);
  });

  it('migrates state written under another version leniently', () => {
    const { storage } = mapStorage({
      [STORAGE_KEY]: {
        version: 0,
        state: {
          pointId: 'post-change-password',
          drafts: { 'post-change-password': { code: 'old', payloadText: '{}' } },
        },
      },
    });
    const state = newStore(storage).getState();
    expect(state.pointId).toBe('post-change-password');
    expect(state.drafts['post-change-password'].code).toBe('old');
  });

  it('survives stored text that is not JSON', () => {
    const storage: StateStorage = {
      getItem: () => '{ definitely not json',
      setItem: () => {},
      removeItem: () => {},
    };
    expect(() => newStore(storage)).not.toThrow();
  });
});

describe('createDebouncedStorage', () => {
  afterEach(() => vi.useRealTimers());

  it('writes once after a burst, reads the pending value and flushes on demand', () => {
    vi.useFakeTimers();
    const { storage: target } = mapStorage();
    const setItem = vi.spyOn(target, 'setItem');
    const storage = createDebouncedStorage(target, 300);

    storage.setItem('k', '1');
    storage.setItem('k', '2');
    expect(storage.getItem('k')).toBe('2');
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(setItem).toHaveBeenLastCalledWith('k', '2');

    storage.setItem('k', '3');
    storage.flush();
    expect(setItem).toHaveBeenLastCalledWith('k', '3');
    vi.advanceTimersByTime(1000);
    expect(setItem).toHaveBeenCalledTimes(2);
  });

  it('keeps working when the target refuses a write', () => {
    const target: StateStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = createDebouncedStorage(target, 10);
    storage.setItem('k', 'v');
    expect(() => storage.flush()).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
