import { describe, expect, it, vi } from 'vitest';
import { points } from '../core/points';
import { starterHookDraft as starterDraft } from '../workspace/newHook';
import { setupRunStore } from './appStore.testSupport';

const setup = setupRunStore;

const EMPTY_NETWORK_DRAFT = { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] };

describe('hook drafts', () => {
  it('starts with one hook of the first point holding its starter code and formatted default payload', () => {
    const { state, hook } = setup();
    const first = points[0]!;
    expect(state().hookOrder).toEqual([state().selectedHookId]);
    expect(hook().pointId).toBe(first.id);
    expect(hook().draft).toEqual({
      code: first.starterCode,
      payloadText: JSON.stringify(first.defaultPayload, null, 2),
      secrets: [],
      network: EMPTY_NETWORK_DRAFT,
      dependencies: {},
    });
  });

  it('gives every point its starter when a hook of it is created', () => {
    const { state, byId } = setup();
    for (const point of points) {
      const id = state().createHook(point.id);
      expect(byId(id).draft).toEqual(starterDraft(point.id));
      expect(byId(id).draft.code).toBe(point.starterCode);
    }
  });

  it('keeps each hook its own draft when switching back and forth', () => {
    const { state, byId } = setup();
    const first = state().selectedHookId;
    const pre = state().createHook('pre-user-registration');
    state().setCode(pre, 'pre');
    state().setPayloadText(pre, '{ "broken": ');
    state().selectHook(first);
    state().setCode(first, 'first');
    state().selectHook(pre);
    expect(byId(pre).draft).toEqual({
      ...starterDraft('pre-user-registration'),
      code: 'pre',
      payloadText: '{ "broken": ',
    });
    expect(byId(first).draft.code).toBe('first');
  });

  it('keeps two hooks of the same point apart', () => {
    const { state, byId } = setup();
    const a = state().createHook('send-phone-message');
    const b = state().createHook('send-phone-message');
    state().setCode(a, 'a');
    state().setCode(b, 'b');
    expect(byId(a).draft.code).toBe('a');
    expect(byId(b).draft.code).toBe('b');
  });

  it('does not notify subscribers when a draft is set to its current value', () => {
    const { store, state, hook } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().setCode(hook().id, hook().draft.code);
    state().setPayloadText(hook().id, hook().draft.payloadText);
    state().resetCode(hook().id);
    state().resetPayload(hook().id);
    expect(listener).not.toHaveBeenCalled();
  });

  it('ignores edits of a hook that does not exist', () => {
    const { store, state } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    state().setCode('no-such-hook', 'x');
    state().setStorage('no-such-hook', { data: 1 });
    state().addHttpMock('no-such-hook');
    expect(listener).not.toHaveBeenCalled();
  });

  it('stamps updatedAt on a change', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(1000);
      const { state, byId } = setup();
      const id = state().createHook('post-change-password');
      expect(byId(id).updatedAt).toBe(1000);
      vi.setSystemTime(2000);
      state().setCode(id, 'x');
      expect(byId(id)).toMatchObject({ createdAt: 1000, updatedAt: 2000 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('resets code and payload to the starter separately', () => {
    const { state, byId } = setup();
    const id = state().createHook('post-change-password');
    state().setCode(id, 'x');
    state().setPayloadText(id, 'y');
    state().resetCode(id);
    expect(byId(id).draft).toEqual({
      ...starterDraft('post-change-password'),
      payloadText: 'y',
    });
    state().resetPayload(id);
    expect(byId(id).draft).toEqual(starterDraft('post-change-password'));
  });

  it('opens shared work as a new, selected hook with the payload formatted', () => {
    const { state, hook, byId } = setup();
    const mine = state().selectedHookId;
    state().setCode(mine, 'mine');
    state().openSharedWork({
      point: 'send-phone-message',
      name: 'Shared SMS',
      code: 'shared',
      payload: { recipient: '1', text: 't' },
      timeoutMs: 4321,
      dependencies: { twilio: '3.0.0' },
    });
    expect(state().hookOrder).toHaveLength(2);
    expect(state().hookOrder[0]).toBe(mine);
    expect(hook().id).not.toBe(mine);
    expect(hook()).toMatchObject({
      pointId: 'send-phone-message',
      name: 'Shared SMS',
      enabled: false,
      versions: [],
    });
    expect(hook().draft).toEqual({
      code: 'shared',
      payloadText: '{\n  "recipient": "1",\n  "text": "t"\n}',
      secrets: [],
      network: EMPTY_NETWORK_DRAFT,
      dependencies: { twilio: '3.0.0' },
    });
    expect(state().timeoutMs).toBe(4321);
    expect(byId(mine).draft.code).toBe('mine');
  });

  it('names shared work by a usable name, "Shared hook" without one, and never twice', () => {
    const { state, hook } = setup();
    const work = { point: 'send-phone-message' as const, code: 'c', payload: {} };
    state().openSharedWork(work);
    expect(hook().name).toBe('Shared hook');
    state().openSharedWork(work);
    expect(hook().name).toBe('Shared hook 2');
    state().openSharedWork({ ...work, name: 'My hook! (v2)' });
    expect(hook().name).toBe('My hook v2');
  });

  it('keeps the timeout when shared work carries none', () => {
    const { state } = setup();
    state().setTimeoutInput('3000');
    state().openSharedWork({ point: 'send-phone-message', code: 'c', payload: {} });
    expect(state().timeoutMs).toBe(3000);
  });
});
