import { describe, expect, it } from 'vitest';
import { MAX_HTTP_MOCKS } from '../core/inputLimits';
import { newHook } from '../workspace/newHook';
import { hookKey } from './storageKeys';
import { parseWorkspace } from './workspaceRepository';

const mocks = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `mock-${i}`,
    method: 'GET',
    urlPattern: `https://api.example.com/${i}`,
    status: 200,
    headers: {},
    body: '',
    delayMs: 0,
  }));

describe('a stored hook over the input limits (stored before they existed)', () => {
  it('is kept aside untouched and reported, never opened, so a reload cannot freeze', () => {
    const base = newHook({ pointId: 'pre-user-registration', name: 'old', now: 1, id: 'old' });
    const old = {
      ...base,
      draft: { ...base.draft, network: { ...base.draft.network, mocks: mocks(5_000) } },
    };
    const fits = {
      ...newHook({ pointId: 'pre-user-registration', name: 'fits', now: 2, id: 'fits' }),
    };
    fits.draft = {
      ...fits.draft,
      network: { ...fits.draft.network, mocks: mocks(MAX_HTTP_MOCKS) },
    };
    const loaded = parseWorkspace(
      new Map<string, unknown>([
        [hookKey('old'), old],
        [hookKey('fits'), fits],
      ]),
    );
    expect(loaded.hooks.map((hook) => hook.id)).toEqual(['fits']);
    expect(loaded.quarantined).toEqual([
      {
        key: hookKey('old'),
        raw: old,
        error: "draft.network.mocks: HTTP mocks: at most 200 (Hookpad's limit).",
      },
    ]);
  });
});
