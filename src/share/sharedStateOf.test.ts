import { describe, expect, it } from 'vitest';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { HookDraft } from '../workspace/hookRecord';
import { hookFromSharedWork } from '../workspace/hookFromSharedWork';
import { decodeShareLink, encodeShareLink, readShareFragment } from './shareLink';
import { sharedStateOf, type ShareableHook } from './sharedStateOf';

const draft = (patch: Partial<HookDraft> = {}): HookDraft => ({
  code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
  payloadText: '{ "user": { "email": "a@b.c" }, "context": {} }',
  secrets: [],
  network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
  dependencies: {},
  ...patch,
});

const hook = (patch: Partial<HookDraft> = {}, name = 'My hook'): ShareableHook => ({
  name,
  pointId: 'pre-user-registration',
  draft: draft(patch),
});

describe('sharedStateOf', () => {
  it('carries point, name, code, parsed payload and timeout, and leaves empty settings out', () => {
    expect(sharedStateOf(hook(), 5000, { includeSecrets: false })).toEqual({
      ok: true,
      state: {
        v: 3,
        point: 'pre-user-registration',
        name: 'My hook',
        code: 'module.exports = function (user, context, cb) { cb(null, {}); };',
        payload: { user: { email: 'a@b.c' }, context: {} },
        timeoutMs: 5000,
      },
    });
    const unnamed = sharedStateOf(hook({}, ''), 5000, { includeSecrets: false });
    expect(unnamed.ok && 'name' in unnamed.state).toBe(false);
  });

  it('carries mocks, named modules, auto-mocks, the network switch and dependencies', () => {
    const mock = {
      id: 'm1',
      method: 'GET',
      urlPattern: 'https://plans.example.com/*',
      status: 201,
      headers: {},
      body: '{"tier":"pro"}',
      delayMs: 5,
    };
    const shared = sharedStateOf(
      hook({
        network: {
          mocks: [mock],
          allowNetwork: true,
          moduleMocks: [
            { name: ' lib ', code: 'module.exports = 1;' },
            { name: '', code: 'unnamed' },
            { name: 'twilio', code: 'shadowed by the auto-mock' },
          ],
          autoMocks: ['twilio'],
        },
        dependencies: { twilio: '3.0.0' },
      }),
      5000,
      { includeSecrets: false },
    );
    expect(shared).toMatchObject({
      ok: true,
      state: {
        mocks: [mock],
        modules: [{ name: 'lib', code: 'module.exports = 1;' }],
        autoMocks: ['twilio'],
        allowNetwork: true,
        dependencies: { twilio: '3.0.0' },
      },
    });
  });

  it('withholds secret values unless asked: names travel with "" and are listed', () => {
    const secrets = [
      { id: 's1', name: 'API_KEY', value: 'k' },
      { id: 's2', name: ' REGION ', value: '' },
    ];
    const withheld = sharedStateOf(hook({ secrets }), 5000, { includeSecrets: false });
    expect(withheld).toMatchObject({
      ok: true,
      state: { secrets: { API_KEY: '', REGION: '' }, redactedSecrets: ['API_KEY'] },
    });

    const included = sharedStateOf(hook({ secrets }), 5000, { includeSecrets: true });
    expect(included).toMatchObject({ ok: true, state: { secrets: { API_KEY: 'k', REGION: '' } } });
    expect(included.ok && 'redactedSecrets' in included.state).toBe(false);
  });

  it("carries the hook's tests without their ids; secret values a test sets only when asked", () => {
    const tests: TestCase[] = [
      {
        id: 'test-1',
        name: 'adds the plan',
        payloadText: '{ "user": { "email": "a@b.c" } }',
        overrides: { secrets: { API_KEY: 'test-key' }, timeoutMs: 3000 },
        expectations: { outcome: { status: 'succeeded' } },
      },
      { id: 'test-2', name: 'plain', payloadText: '{}', expectations: {} },
    ];
    const withTests = { ...hook(), tests };

    const withheld = sharedStateOf(withTests, 5000, { includeSecrets: false });
    expect(withheld.ok && withheld.state.tests).toEqual([
      {
        name: 'adds the plan',
        payloadText: '{ "user": { "email": "a@b.c" } }',
        overrides: { secrets: { API_KEY: '' }, timeoutMs: 3000 },
        expectations: { outcome: { status: 'succeeded' } },
      },
      { name: 'plain', payloadText: '{}', expectations: {} },
    ]);
    const included = sharedStateOf(withTests, 5000, { includeSecrets: true });
    expect(included.ok && included.state.tests?.[0]?.overrides?.secrets).toEqual({
      API_KEY: 'test-key',
    });
    const none = sharedStateOf({ ...hook(), tests: [] }, 5000, { includeSecrets: true });
    expect(none.ok && 'tests' in none.state).toBe(false);
  });

  it('refuses a payload that is not JSON', () => {
    expect(sharedStateOf(hook({ payloadText: '{' }), 5000, { includeSecrets: false })).toEqual({
      ok: false,
      message: expect.stringMatching(/^The payload is not valid JSON/),
    });
  });

  it('refuses secrets with a problem instead of dropping a row', () => {
    const secrets = [
      { id: 's1', name: 'API_KEY', value: 'k' },
      { id: 's2', name: '', value: '' },
    ];
    for (const includeSecrets of [false, true]) {
      expect(sharedStateOf(hook({ secrets }), 5000, { includeSecrets })).toEqual({
        ok: false,
        message: expect.stringContaining('row 2'),
      });
    }
  });

  it('refuses a setting the receiver would refuse, naming it', () => {
    const bad = hook({
      network: {
        mocks: [
          {
            id: 'm1',
            method: 'GET',
            urlPattern: 'u',
            status: 42,
            headers: {},
            body: '',
            delayMs: 0,
          },
        ],
        allowNetwork: false,
        moduleMocks: [],
        autoMocks: [],
      },
    });
    expect(sharedStateOf(bad, 5000, { includeSecrets: false })).toEqual({
      ok: false,
      message: expect.stringMatching(/^The hook cannot be shared as it is: mocks\.0\.status: /),
    });
    expect(sharedStateOf(hook(), 1, { includeSecrets: false })).toEqual({
      ok: false,
      message: expect.stringMatching(/timeoutMs: /),
    });
  });

  it('makes a link that opens with the same state', async () => {
    const shared = sharedStateOf(
      hook({ secrets: [{ id: 's1', name: 'API_KEY', value: 'k' }], dependencies: { a: '1.0.0' } }),
      5000,
      { includeSecrets: false },
    );
    if (!shared.ok) throw new Error(shared.message);
    const link = await encodeShareLink(shared.state, 'https://hookpad.example/');
    expect(await decodeShareLink(readShareFragment(new URL(link).hash)!)).toEqual({
      ok: true,
      state: shared.state,
    });
  });

  it("a hook's tests survive a link: shared, encoded, decoded and opened", async () => {
    const tests: TestCase[] = [
      {
        id: 'test-1',
        name: 'succeeds',
        payloadText: '{ "user": {}, "context": {} }',
        overrides: { secrets: { API_KEY: 'k' } },
        expectations: { outcome: { status: 'succeeded' }, response: { equals: {} } },
      },
    ];
    const shared = sharedStateOf({ ...hook(), tests }, 5000, { includeSecrets: true });
    if (!shared.ok) throw new Error(shared.message);
    const link = await encodeShareLink(shared.state, 'https://hookpad.example/');
    const decoded = await decodeShareLink(readShareFragment(new URL(link).hash)!);
    if (!decoded.ok) throw new Error(decoded.message);
    const { v: _v, ...work } = decoded.state;
    const opened = hookFromSharedWork(work, []);
    expect(opened.tests.map(({ id: _id, ...test }) => test)).toEqual(
      tests.map(({ id: _id, ...test }) => test),
    );
  });
});
