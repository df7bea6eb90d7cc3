import { describe, expect, it } from 'vitest';
import type { ActionDraft } from '../core/actions/actionSchemas';
import type { HookDraft } from '../workspace/hookRecord';
import { hookFromSharedWork } from '../workspace/hookFromSharedWork';
import { decodeShareLink, encodeShareLink, readShareFragment } from './shareLink';
import { sharedStateOf, type ShareableHook } from './sharedStateOf';

const action: ActionDraft = {
  code: "exports.onExecutePreUserRegistration = async (event, api) => {\n  api.user.setUserMetadata('plan', event.secrets.PLAN);\n};\n",
  dependencies: { axios: '1.6.8' },
  notes: [{ line: 2, hookLine: 3, construct: 'context.webtask.storage', message: 'No storage.' }],
};
const draft = (patch: Partial<HookDraft> = {}): HookDraft => ({
  code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
  payloadText: '{ "user": { "email": "a@b.c" }, "context": {} }',
  secrets: [{ id: 's1', name: 'PLAN', value: 'gold-plan' }],
  network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
  dependencies: {},
  ...patch,
});
const hook = (patch: Partial<HookDraft> = {}): ShareableHook => ({
  name: 'Ported',
  pointId: 'pre-user-registration',
  draft: draft(patch),
});

describe('a share link of a hook with an Action draft', () => {
  it('carries the Action (code, dependencies, port notes) only when the hook has one', () => {
    const without = sharedStateOf(hook(), 5000, { includeSecrets: false });
    expect(without.ok && 'action' in without.state).toBe(false);
    const shared = sharedStateOf(hook({ action }), 5000, { includeSecrets: false });
    expect(shared).toMatchObject({ ok: true, state: { action } });
  });

  it('round-trips: shared, encoded, decoded and opened, the hook has the same Action', async () => {
    const shared = sharedStateOf(hook({ action }), 5000, { includeSecrets: false });
    if (!shared.ok) throw new Error(shared.message);
    const link = await encodeShareLink(shared.state, 'https://hookpad.example/');
    const decoded = await decodeShareLink(readShareFragment(new URL(link).hash)!);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.action).toEqual(action);
    const { v: _v, ...work } = decoded.state;
    const opened = hookFromSharedWork(work, []);
    expect(opened.draft.action).toEqual(action);
    expect(opened.draft.secrets).toMatchObject([{ name: 'PLAN', value: '', notExported: true }]);
  });

  it('a link without an Action opens a hook without one', async () => {
    const shared = sharedStateOf(hook(), 5000, { includeSecrets: true });
    if (!shared.ok) throw new Error(shared.message);
    const { v: _v, ...work } = shared.state;
    expect('action' in hookFromSharedWork(work, []).draft).toBe(false);
  });

  it('refuses a link whose Action fails its schema, naming the field', async () => {
    const shared = sharedStateOf(hook({ action }), 5000, { includeSecrets: true });
    if (!shared.ok) throw new Error(shared.message);
    const broken = { ...shared.state, action: { ...action, notes: [{ line: 0 }] } };
    const json = new TextEncoder().encode(JSON.stringify(broken));
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    const token = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const decoded = await decodeShareLink(token);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.message).toMatch(/action/);
  });
});
