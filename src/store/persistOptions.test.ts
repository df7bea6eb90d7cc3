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
  it('stores drafts, storage, selection, timeout and layout under hookpad:v1 with a version', () => {
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
        'post-user-registration': {
          code: "console.log('edited')",
          payloadText: '{ not json yet',
          secrets: [],
          network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
        },
      }),
      storage: expect.objectContaining({ 'post-user-registration': {} }),
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

  it('migrates version 1 (drafts without secrets, no storage) to version 3', () => {
    const { storage, read } = mapStorage({
      [STORAGE_KEY]: {
        version: 1,
        state: {
          pointId: 'pre-user-registration',
          drafts: {
            'pre-user-registration': { code: 'v1 code', payloadText: '{"user":{}}' },
          },
          timeoutMs: 3000,
          codePaneFraction: 0.5,
        },
      },
    });
    const store = newStore(storage);
    const state = store.getState();
    expect(state.pointId).toBe('pre-user-registration');
    expect(state.drafts['pre-user-registration']).toEqual({
      code: 'v1 code',
      payloadText: '{"user":{}}',
      secrets: [],
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
    expect(state.storage['pre-user-registration']).toEqual({});
    expect(state.timeoutMs).toBe(3000);

    // The next write is in the new shape and version.
    state.setCode('pre-user-registration', 'edited');
    expect(read()).toMatchObject({
      version: 3,
      state: {
        drafts: {
          'pre-user-registration': {
            code: 'edited',
            secrets: [],
            network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
          },
        },
      },
    });
  });

  it('stores secrets and storage, and restores them on the next start', () => {
    const { storage } = mapStorage();
    const first = newStore(storage).getState();
    const row = first.addSecret('post-change-password');
    first.setSecretName('post-change-password', row, 'API_KEY');
    first.setSecretValue('post-change-password', row, 'k');
    first.toggleSecretReveal(row);
    first.setStorage('post-change-password', { data: { count: 2 }, etag: 'e' });

    const second = newStore(storage).getState();
    expect(second.drafts['post-change-password'].secrets).toEqual([
      { id: row, name: 'API_KEY', value: 'k' },
    ]);
    expect(second.storage['post-change-password']).toEqual({ data: { count: 2 }, etag: 'e' });
    // Revealing is for the moment only.
    expect(second.revealedSecretIds.size).toBe(0);
    expect(second.exampleNotice).toBeNull();
  });

  it('keeps a draft whose stored secrets or storage are damaged', () => {
    const { storage } = mapStorage({
      [STORAGE_KEY]: {
        version: STORAGE_VERSION,
        state: {
          drafts: {
            'send-phone-message': {
              code: 'kept',
              payloadText: '{}',
              secrets: [{ name: 'OK', value: 'v' }, { name: 1 }, 'junk'],
            },
            'post-change-password': { code: 'also kept', payloadText: '{}', secrets: 'nope' },
          },
          storage: { 'send-phone-message': { etag: 5 }, 'post-change-password': { data: [1] } },
        },
      },
    });
    const state = newStore(storage).getState();
    expect(state.drafts['send-phone-message'].code).toBe('kept');
    expect(state.drafts['send-phone-message'].secrets).toEqual([
      { id: expect.any(String), name: 'OK', value: 'v' },
    ]);
    expect(state.drafts['post-change-password']).toMatchObject({ code: 'also kept', secrets: [] });
    expect(state.storage['send-phone-message']).toEqual({});
    expect(state.storage['post-change-password']).toEqual({ data: [1] });
  });

  it('migrates version 2 (drafts without network settings) to version 3', () => {
    const { storage, read } = mapStorage({
      [STORAGE_KEY]: {
        version: 2,
        state: {
          pointId: 'send-phone-message',
          drafts: {
            'send-phone-message': {
              code: 'v2 code',
              payloadText: '{}',
              secrets: [{ id: 's1', name: 'K', value: 'v' }],
            },
          },
          storage: { 'send-phone-message': { data: { n: 1 } } },
          timeoutMs: 3000,
          codePaneFraction: 0.5,
        },
      },
    });
    const state = newStore(storage).getState();
    expect(state.drafts['send-phone-message']).toEqual({
      code: 'v2 code',
      payloadText: '{}',
      secrets: [{ id: 's1', name: 'K', value: 'v' }],
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
    expect(state.storage['send-phone-message']).toEqual({ data: { n: 1 } });
    state.setAllowNetwork('send-phone-message', true);
    expect(read()).toMatchObject({
      version: 3,
      state: { drafts: { 'send-phone-message': { network: { allowNetwork: true } } } },
    });
  });

  it('stores network settings and restores them on the next start', () => {
    const { storage } = mapStorage();
    const firstStore = newStore(storage);
    const first = firstStore.getState();
    const id = first.addHttpMock('credentials-exchange');
    first.updateHttpMock('credentials-exchange', id, {
      method: 'GET',
      urlPattern: 'https://plans.example.com/*',
      status: 201,
      body: '{"tier":"pro"}',
      delayMs: 5,
    });
    first.setAllowNetwork('credentials-exchange', true);
    first.addModuleMock('credentials-exchange', 'lib');
    first.addModuleMock('credentials-exchange', '');
    first.addAutoMock('credentials-exchange', 'twilio');

    const saved = firstStore.getState().drafts['credentials-exchange'].network;
    expect(saved.mocks[0]).toMatchObject({ id, status: 201, body: '{"tier":"pro"}' });
    const second = newStore(storage).getState();
    expect(second.drafts['credentials-exchange'].network).toEqual(saved);
  });

  it('keeps the valid parts of damaged stored network settings', () => {
    const good = {
      id: 'a',
      method: 'GET',
      urlPattern: 'u',
      status: 200,
      headers: {},
      body: '',
      delayMs: 0,
    };
    const { storage } = mapStorage({
      [STORAGE_KEY]: {
        version: STORAGE_VERSION,
        state: {
          drafts: {
            'send-phone-message': {
              code: 'kept',
              payloadText: '{}',
              network: {
                mocks: [good, { ...good, status: 999 }, { ...good }, { ...good, id: undefined }],
                allowNetwork: 'yes',
                moduleMocks: [{ name: 'm', code: 'x' }, { name: 'n' }, 3],
                autoMocks: ['t', 4, 't'],
              },
            },
            'post-change-password': { code: 'also kept', payloadText: '{}', network: 'nope' },
          },
        },
      },
    });
    const state = newStore(storage).getState();
    const network = state.drafts['send-phone-message'].network;
    expect(network.mocks).toHaveLength(3);
    expect(new Set(network.mocks.map((mock) => mock.id)).size).toBe(3);
    expect(network.allowNetwork).toBe(false);
    expect(network.moduleMocks).toEqual([{ name: 'm', code: 'x' }]);
    expect(network.autoMocks).toEqual(['t']);
    expect(state.drafts['post-change-password']).toMatchObject({
      code: 'also kept',
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
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
