import { describe, expect, test } from 'vitest';
import type { RunInputs } from './runInputs';
import { prepareRun } from './prepareRun';
import { runInputsOf } from './runInputs';

const inputs: RunInputs = {
  kind: 'hook',
  pointId: 'post-change-password',
  code: 'module.exports = (u, c, cb) => cb();',
  payloadText: '{ "user": { "id": "u1" } }',
  secrets: [[' API_KEY ', 'k']],
  network: { mocks: [], allowNetwork: false, moduleMocks: [{ name: '', code: '' }], autoMocks: [] },
};

describe('prepareRun', () => {
  test('builds the sandbox request: parsed payload, trimmed secret names, usable module rows', () => {
    const prepared = prepareRun(inputs, { data: 1 }, 500);
    expect(prepared).toEqual({
      ok: true,
      request: {
        point: 'post-change-password',
        code: inputs.code,
        payload: { user: { id: 'u1' } },
        secrets: { API_KEY: 'k' },
        graceMs: 500,
        storage: { data: 1 },
        network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
      },
      payload: { user: { id: 'u1' } },
      secrets: { API_KEY: 'k' },
      network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
    });
  });

  test('names the first unusable input: the payload, then the secrets', () => {
    expect(prepareRun({ ...inputs, payloadText: '{' }, {}, 0)).toMatchObject({
      ok: false,
      problem: { status: 'not-started', field: 'payload', durationMs: 0 },
    });
    expect(
      prepareRun(
        {
          ...inputs,
          secrets: [
            ['A', '1'],
            ['A', '2'],
          ],
        },
        {},
        0,
      ),
    ).toEqual({
      ok: false,
      problem: {
        status: 'not-started',
        field: 'secrets',
        message:
          'Secrets: row 2: The name A is already used by another secret; names must be unique.',
        durationMs: 0,
      },
    });
  });

  test("an Action run's request carries kind 'action' and the Action's code", () => {
    const prepared = prepareRun({ ...inputs, kind: 'action', code: 'exports.x = 1;' }, {}, 0);
    expect(prepared).toMatchObject({
      ok: true,
      request: { kind: 'action', code: 'exports.x = 1;' },
    });
    // A hook's request has no kind, as before Actions ran.
    const hook = prepareRun(inputs, {}, 0);
    expect(hook.ok && 'kind' in hook.request).toBe(false);
  });

  test('refuses the Action of a hook that has none, before any other input', () => {
    const hook = {
      pointId: 'post-change-password' as const,
      draft: {
        code: inputs.code,
        payloadText: '{',
        secrets: [],
        network: inputs.network,
        dependencies: {},
      },
    };
    expect(prepareRun(runInputsOf(hook, 'action'), {}, 0)).toEqual({
      ok: false,
      problem: {
        status: 'not-started',
        field: 'action',
        message: 'This hook has no Action yet — use Port to Action.',
        durationMs: 0,
      },
    });
  });
});
