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
