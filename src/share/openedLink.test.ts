import { describe, expect, it } from 'vitest';
import { points } from '../core/points';
import { leftOutOf, shareLinkDigest } from './openedLink';
import type { SharedState } from './shareLink';

const state = (extra: Partial<SharedState> = {}): SharedState => ({
  v: 3,
  point: 'pre-user-registration',
  code: 'module.exports = function (user, context, cb) { cb(); };',
  payload: points.find((point) => point.id === 'pre-user-registration')!.defaultPayload,
  ...extra,
});

describe('shareLinkDigest', () => {
  it('is the same for the same token and differs for another', () => {
    expect(shareLinkDigest('abc')).toBe(shareLinkDigest('abc'));
    expect(shareLinkDigest('abc')).not.toBe(shareLinkDigest('abd'));
    expect(shareLinkDigest('abc')).toMatch(/^link-[0-9a-f]{16}$/);
  });
});

describe('leftOutOf', () => {
  it('names the withheld secret values and a redacted password', () => {
    const payload = { user: { email: 'a@example.com', password: '<redacted>' }, context: {} };
    expect(
      leftOutOf(state({ payload, secrets: { A: '', B: '' }, redactedSecrets: ['A', 'B'] })),
    ).toEqual(['the values of secrets A, B', 'the user’s password']);
    expect(leftOutOf(state({ secrets: { A: '' }, redactedSecrets: ['A'] }))).toEqual([
      'the value of secret A',
    ]);
  });

  it('is empty for a link that carries everything', () => {
    expect(leftOutOf(state({ secrets: { A: 'value' } }))).toEqual([]);
  });
});
