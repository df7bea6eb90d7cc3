import { describe, expect, it, vi } from 'vitest';
import type { HookExample } from '../core/examples';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { EMPTY_NETWORK, MODULE_MOCK_STARTER, networkForRun } from '../workspace/draft/network';
import { selectHook, selectNetworkDraft, selectNetworkSettings } from './selectors';

function setup() {
  const store = createAppStore({
    runner: createFakeRunner().runner,
    testRunner: createFakeRunner().runner,
  });
  const state = () => store.getState();
  // The hook under test: a Pre-User Registration hook, selected.
  const P = state().createHook('pre-user-registration');
  const network = () => state().hooks[P]!.draft.network;
  return { store, state, network, P };
}

describe('network settings per hook', () => {
  it('start empty and network off for every new hook', () => {
    const { state } = setup();
    state().createHook('send-phone-message');
    for (const hook of Object.values(state().hooks)) {
      expect(hook.draft.network).toEqual(EMPTY_NETWORK);
    }
  });

  it('add, update and remove HTTP mocks, only in their hook', () => {
    const { state, network, P } = setup();
    const sibling = state().createHook('pre-user-registration');
    const id = state().addHttpMock(P);
    expect(network().mocks).toEqual([
      { id, method: 'ANY', urlPattern: '', status: 200, headers: {}, body: '', delayMs: 0 },
    ]);
    state().updateHttpMock(P, id, { method: 'POST', urlPattern: 'https://x/*', status: 201 });
    state().updateHttpMock(P, id, { body: '{"a":1}', delayMs: 5, networkError: true });
    expect(network().mocks[0]).toMatchObject({
      id,
      method: 'POST',
      urlPattern: 'https://x/*',
      status: 201,
      body: '{"a":1}',
      delayMs: 5,
      networkError: true,
    });
    expect(state().hooks[sibling]!.draft.network.mocks).toEqual([]);
    state().removeHttpMock(P, id);
    expect(network().mocks).toEqual([]);
  });

  it('never changes a mock id through update, and ignores unknown ids quietly', () => {
    const { store, state, network, P } = setup();
    const id = state().addHttpMock(P);
    state().updateHttpMock(P, id, { id: 'other' } as never);
    expect(network().mocks[0]?.id).toBe(id);
    const listener = vi.fn();
    store.subscribe(listener);
    state().updateHttpMock(P, 'nope', { status: 500 });
    state().removeHttpMock(P, 'nope');
    state().moveHttpMock(P, 'nope', 1);
    state().setAllowNetwork(P, false);
    expect(listener).not.toHaveBeenCalled();
  });

  it('add a mock for a refused request once, answering its method and URL with 200', () => {
    const { store, state, network, P } = setup();
    const url = 'https://api.example.com/users';
    const other = state().addHttpMock(P);
    const id = state().addHttpMockFor(P, { method: 'GET', url });
    expect(network().mocks.map((mock) => mock.id)).toEqual([other, id]);
    expect(network().mocks[1]).toEqual({
      id,
      method: 'GET',
      urlPattern: url,
      status: 200,
      headers: {},
      body: '',
      delayMs: 0,
    });
    // The same request again focuses that mock: nothing is added, nothing changes.
    const listener = vi.fn();
    store.subscribe(listener);
    expect(state().addHttpMockFor(P, { method: 'GET', url })).toBe(id);
    expect(listener).not.toHaveBeenCalled();
    // Another method is another request.
    expect(state().addHttpMockFor(P, { method: 'POST', url })).not.toBe(id);
    expect(network().mocks).toHaveLength(3);
    expect(state().addHttpMockFor('nope', { url })).toBeNull();
  });

  it('move mocks up and down, clamped at the ends (order decides which answers)', () => {
    const { state, network, P } = setup();
    const a = state().addHttpMock(P);
    const b = state().addHttpMock(P);
    const c = state().addHttpMock(P);
    const order = () => network().mocks.map((mock) => mock.id);
    state().moveHttpMock(P, c, -1);
    expect(order()).toEqual([a, c, b]);
    state().moveHttpMock(P, a, 5);
    expect(order()).toEqual([c, b, a]);
    state().moveHttpMock(P, c, -1);
    expect(order()).toEqual([c, b, a]);
  });

  it('switch the network on and off', () => {
    const { state, network, P } = setup();
    state().setAllowNetwork(P, true);
    expect(network().allowNetwork).toBe(true);
    state().setAllowNetwork(P, false);
    expect(network().allowNetwork).toBe(false);
  });

  it('add a module mock once, with starter code, and make it a code mock', () => {
    const { state, network, P } = setup();
    state().addAutoMock(P, 'twilio');
    state().addModuleMock(P, 'twilio');
    expect(network().moduleMocks).toEqual([{ name: 'twilio', code: MODULE_MOCK_STARTER }]);
    expect(network().autoMocks).toEqual([]);
    state().updateModuleMock(P, 0, { code: 'module.exports = 1;' });
    state().addModuleMock(P, 'twilio');
    expect(network().moduleMocks).toEqual([{ name: 'twilio', code: 'module.exports = 1;' }]);
  });

  it('adding a module mock says which row holds it, new or existing', () => {
    const { state, P } = setup();
    expect(state().addModuleMock(P, 'a')).toBe(0);
    expect(state().addModuleMock(P, '')).toBe(1);
    expect(state().addModuleMock(P, 'a')).toBe(0);
    expect(state().addModuleMock('no-such-hook', 'a')).toBe(-1);
  });

  it('rename and remove module mocks by index; the auto-mock switch follows the name', () => {
    const { state, network, P } = setup();
    state().addModuleMock(P, '');
    state().addModuleMock(P, 'b');
    state().updateModuleMock(P, 0, { name: 'a' });
    state().addAutoMock(P, 'a');
    state().updateModuleMock(P, 0, { name: 'aa' });
    expect(network().autoMocks).toEqual(['aa']);
    state().removeModuleMock(P, 0);
    expect(network().moduleMocks.map((mock) => mock.name)).toEqual(['b']);
    expect(network().autoMocks).toEqual([]);
  });

  it('add auto-mocks once, rename them in place and remove them', () => {
    const { state, network, P } = setup();
    state().addAutoMock(P, 'twilio');
    state().addAutoMock(P, 'stripe');
    state().addAutoMock(P, 'twilio');
    expect(network().autoMocks).toEqual(['twilio', 'stripe']);
    state().renameAutoMock(P, 'twilio', 'twilio2');
    expect(network().autoMocks).toEqual(['twilio2', 'stripe']);
    state().removeAutoMock(P, 'twilio2');
    expect(network().autoMocks).toEqual(['stripe']);
  });

  it('give a run only usable modules: named, once, and not both code and auto-mock', () => {
    const { state, P } = setup();
    state().addModuleMock(P, '');
    state().addModuleMock(P, ' x ');
    state().addModuleMock(P, 'x');
    state().addModuleMock(P, 'sdk');
    state().addAutoMock(P, 'sdk');
    state().addHttpMock(P);
    const settings = selectNetworkSettings(state(), P);
    expect(settings.moduleMocks).toEqual([{ name: 'x', code: MODULE_MOCK_STARTER }]);
    expect(settings.autoMocks).toEqual(['sdk']);
    expect(settings.mocks).toHaveLength(1);
    // Stable while the draft does not change.
    expect(selectNetworkSettings(state(), P)).toBe(settings);
    expect(networkForRun(EMPTY_NETWORK)).toEqual(EMPTY_NETWORK);
  });

  it('are empty in an example’s new hook, and the previous hook keeps its own', () => {
    const { state, network, P } = setup();
    state().addHttpMock(P);
    state().addAutoMock(P, 'twilio');
    const before = network();
    const example: HookExample = {
      id: 'x',
      title: 'X',
      description: 'x',
      point: 'pre-user-registration',
      code: 'module.exports = function (u, c, cb) { cb(); };',
      expected: 'ok',
    };
    state().loadExample(example);
    expect(selectHook(state()).draft.network).toEqual(EMPTY_NETWORK);
    expect(network()).toBe(before);
    state().undoExample();
    expect(selectHook(state()).id).toBe(P);
    expect(network()).toBe(before);
  });

  it('come with an opened share link into its new hook (absent fields are empty)', () => {
    const { state, network, P } = setup();
    state().addHttpMock(P);
    const before = network();
    const shared = () => selectHook(state()).draft.network;
    const mock = {
      id: 'm1',
      method: 'GET',
      urlPattern: 'https://a/*',
      status: 200,
      headers: {},
      body: 'ok',
      delayMs: 0,
    };
    state().openSharedWork({
      point: 'pre-user-registration',
      code: 'c',
      payload: {},
      mocks: [mock],
      modules: [{ name: 'm', code: 'module.exports = 2;' }],
      autoMocks: ['twilio'],
      allowNetwork: true,
    });
    expect(shared()).toEqual({
      mocks: [mock],
      allowNetwork: true,
      moduleMocks: [{ name: 'm', code: 'module.exports = 2;' }],
      autoMocks: ['twilio'],
    });
    state().openSharedWork({ point: 'pre-user-registration', code: 'c', payload: {} });
    expect(shared()).toEqual(EMPTY_NETWORK);
    expect(network()).toBe(before);
  });

  it('are read per hook by the selectors, the selected hook standing in for an unknown id', () => {
    const { state, P } = setup();
    state().setAllowNetwork(P, true);
    const other = state().createHook('send-phone-message');
    expect(selectNetworkDraft(state(), P).allowNetwork).toBe(true);
    expect(selectNetworkSettings(state(), P).allowNetwork).toBe(true);
    expect(selectNetworkSettings(state(), other).allowNetwork).toBe(false);
    expect(selectNetworkDraft(state(), 'gone')).toBe(state().hooks[other]!.draft.network);
  });
});
