import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/createAppStore';
import { createFakeRunner } from '../store/createFakeRunner';
import { decodeShareLink, encodeShareLink, readShareFragment } from './shareLink';
import { shareableState } from './shareState';

const PAGE = 'https://hookpad.example/';

function storeWithSecret() {
  const store = createAppStore({ runner: createFakeRunner().runner });
  const state = store.getState();
  state.selectPoint('send-phone-message');
  const row = state.addSecret('send-phone-message');
  state.setSecretName('send-phone-message', row, 'API_KEY');
  state.setSecretValue('send-phone-message', row, 's3cret');
  return store;
}

async function roundTrip(includeSecrets: boolean) {
  const from = storeWithSecret();
  const shareable = shareableState(from.getState(), includeSecrets);
  if (!shareable.ok) throw new Error(shareable.message);
  const link = await encodeShareLink(shareable.state, PAGE);
  const decoded = await decodeShareLink(readShareFragment(new URL(link).hash)!);
  if (!decoded.ok) throw new Error(decoded.message);
  return { link, shared: decoded.state };
}

describe('share links and secrets', () => {
  it('leave the secrets out unless asked', async () => {
    const { shared } = await roundTrip(false);
    expect(shared).not.toHaveProperty('secrets');
    expect(shared.point).toBe('send-phone-message');

    // Opening it keeps the recipient's own secrets for that point.
    const to = storeWithSecret();
    to.getState().setSecretValue(
      'send-phone-message',
      to.getState().drafts['send-phone-message'].secrets[0]!.id,
      'theirs',
    );
    to.getState().openSharedWork(shared);
    expect(to.getState().drafts['send-phone-message'].secrets[0]?.value).toBe('theirs');
  });

  it('carry the secrets when asked, and opening loads them into the point', async () => {
    const { shared } = await roundTrip(true);
    expect(shared.secrets).toEqual({ API_KEY: 's3cret' });

    const to = createAppStore({ runner: createFakeRunner().runner });
    to.getState().openSharedWork(shared);
    expect(to.getState().pointId).toBe('send-phone-message');
    expect(
      to
        .getState()
        .drafts['send-phone-message'].secrets.map(({ name, value }) => ({ name, value })),
    ).toEqual([{ name: 'API_KEY', value: 's3cret' }]);
  });

  it('refuse secrets with a problem instead of dropping a row', () => {
    const store = storeWithSecret();
    store.getState().addSecret('send-phone-message');
    const shareable = shareableState(store.getState(), true);
    expect(shareable).toEqual({ ok: false, message: expect.stringContaining('row 2') });
    // Without secrets the same draft shares fine.
    expect(shareableState(store.getState(), false).ok).toBe(true);
  });

  it('refuse a payload that is not JSON', () => {
    const store = storeWithSecret();
    store.getState().setPayloadText('send-phone-message', '{');
    expect(shareableState(store.getState(), false)).toEqual({
      ok: false,
      message: expect.stringMatching(/^The payload is not valid JSON/),
    });
  });
});

describe('share links and network settings', () => {
  function storeWithMocks() {
    const store = createAppStore({ runner: createFakeRunner().runner });
    const state = store.getState();
    const P = 'credentials-exchange';
    state.selectPoint(P);
    const id = state.addHttpMock(P);
    state.updateHttpMock(P, id, {
      method: 'GET',
      urlPattern: 'https://plans.example.com/*',
      status: 201,
      body: '{"tier":"pro"}',
      delayMs: 5,
    });
    state.addModuleMock(P, 'lib');
    state.updateModuleMock(P, 0, { code: 'module.exports = { x: 1 };' });
    state.addModuleMock(P, '');
    state.addAutoMock(P, 'twilio');
    state.setAllowNetwork(P, true);
    return store;
  }

  it('carry mocks, modules, auto-mocks and the network switch, and opening loads them', async () => {
    const from = storeWithMocks();
    const shareable = shareableState(from.getState(), false);
    if (!shareable.ok) throw new Error(shareable.message);
    const link = await encodeShareLink(shareable.state, PAGE);
    const decoded = await decodeShareLink(readShareFragment(new URL(link).hash)!);
    if (!decoded.ok) throw new Error(decoded.message);
    const shared = decoded.state;
    expect(shared.mocks).toEqual(from.getState().drafts['credentials-exchange'].network.mocks);
    // The unnamed module row stays home.
    expect(shared.modules).toEqual([{ name: 'lib', code: 'module.exports = { x: 1 };' }]);
    expect(shared.autoMocks).toEqual(['twilio']);
    expect(shared.allowNetwork).toBe(true);

    const to = createAppStore({ runner: createFakeRunner().runner });
    const { v: _v, ...work } = shared;
    to.getState().openSharedWork(work);
    expect(to.getState().pointId).toBe('credentials-exchange');
    expect(to.getState().drafts['credentials-exchange'].network).toEqual({
      mocks: shared.mocks,
      allowNetwork: true,
      moduleMocks: [{ name: 'lib', code: 'module.exports = { x: 1 };' }],
      autoMocks: ['twilio'],
    });
  });

  it('leave the network fields out when they are empty', () => {
    const store = createAppStore({ runner: createFakeRunner().runner });
    const shareable = shareableState(store.getState(), false);
    if (!shareable.ok) throw new Error(shareable.message);
    expect(Object.keys(shareable.state).sort()).toEqual([
      'code',
      'payload',
      'point',
      'timeoutMs',
      'v',
    ]);
  });
});
