import { describe, expect, it } from 'vitest';
import { MAX_AUTO_MOCK_RESULTS } from '../core/inputLimits';
import type { HookDraft } from '../workspace/hookRecord';
import { hookFromSharedWork } from '../workspace/hookFromSharedWork';
import { buildReproduction } from './reproduction/buildReproduction';
import { decodeShareLink, encodeShareLink, readShareFragment } from './shareLink';
import { sharedStateOf, type ShareableHook } from './sharedStateOf';

const PAGE = 'https://hookpad.example/';
const RULES = [
  { path: 'stripe.customers.create', resultText: '{\n  "id": "cus_1"\n}' },
  { path: '*.charges.create', resultText: '{"id":' },
];

const hook = (autoMockResults: HookDraft['network']['autoMockResults']): ShareableHook => ({
  name: 'Stripe',
  pointId: 'post-user-registration',
  draft: {
    code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
    payloadText: '{ "user": {}, "context": {} }',
    secrets: [],
    network: {
      mocks: [],
      allowNetwork: false,
      moduleMocks: [],
      autoMocks: ['stripe'],
      ...(autoMockResults && { autoMockResults }),
    },
    dependencies: {},
  },
});

async function linkToken(state: Parameters<typeof encodeShareLink>[0]): Promise<string> {
  return readShareFragment(new URL(await encodeShareLink(state, PAGE)).hash)!;
}

/** A token for any JSON text, past the encoder's own check (as an edited link would be). */
async function rawToken(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('auto-mock results travel in a share link', () => {
  it('round trip: the rules (text as typed, invalid JSON too) open in the new hook', async () => {
    const shared = sharedStateOf(hook([...RULES, { path: '', resultText: '{}' }]), 5000, {
      includeSecrets: false,
    });
    expect(shared.ok && shared.state.autoMockResults).toEqual(RULES);
    if (!shared.ok) return;
    const decoded = await decodeShareLink(await linkToken(shared.state));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const opened = hookFromSharedWork(decoded.state, []);
    expect(opened.draft.network.autoMockResults).toEqual(RULES);
  });

  it('a hook without rules shares none and opens without the field', async () => {
    const shared = sharedStateOf(hook(undefined), 5000, { includeSecrets: false });
    expect(shared.ok && 'autoMockResults' in shared.state).toBe(false);
    if (!shared.ok) return;
    const decoded = await decodeShareLink(await linkToken(shared.state));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(hookFromSharedWork(decoded.state, []).draft.network).not.toHaveProperty(
      'autoMockResults',
    );
  });

  it(`a link with more than ${MAX_AUTO_MOCK_RESULTS} rules is refused, naming the limit`, async () => {
    const rows = Array.from({ length: MAX_AUTO_MOCK_RESULTS + 1 }, (_, index) => ({
      path: `sdk.m${index}`,
      resultText: '{}',
    }));
    const shared = sharedStateOf(hook(rows), 5000, { includeSecrets: false });
    expect(shared).toEqual({
      ok: false,
      message: expect.stringContaining(
        "The hook cannot be shared as it is: autoMockResults: Auto-mock results: at most 200 (Hookpad's limit).",
      ),
    });
    const fits = sharedStateOf(hook(RULES), 5000, { includeSecrets: false });
    if (!fits.ok) throw new Error(fits.message);
    const decoded = await decodeShareLink(
      await rawToken(JSON.stringify({ ...fits.state, autoMockResults: rows })),
    );
    expect(decoded).toMatchObject({
      ok: false,
      message: expect.stringContaining("Auto-mock results: at most 200 (Hookpad's limit)."),
    });
  });

  it('the reproduction report lists them under Auto-mocks', async () => {
    const report = await buildReproduction({
      hook: hook(RULES.slice(0, 1)),
      run: null,
      includeSecrets: false,
      includePasswords: false,
      timeoutMs: 5000,
      pageUrl: PAGE,
    });
    expect(report.markdown).toContain(
      '`stripe`\n\nResults:\n\n- `stripe.customers.create` resolves to:\n\n```json\n{\n  "id": "cus_1"\n}\n```',
    );
  });
});
