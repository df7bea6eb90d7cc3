import { describe, expect, it } from 'vitest';
import { getPoint } from '../core/points';
import { newHook } from '../workspace/newHook';
import { GRACE_MS, testRequest } from './testRequest';

const point = getPoint('pre-user-registration');
const hook = newHook({ name: 'h', pointId: point.id });
hook.draft.secrets = [{ id: 's1', name: 'PLAN', value: 'free' }];

describe('testRequest', () => {
  it("runs the hook's code with the test's payload, an empty storage and the network off", () => {
    const built = testRequest(hook, { payloadText: '{"user":{}}' }, 20_000);
    expect(built).toEqual({
      ok: true,
      timeoutMs: 20_000,
      request: {
        point: 'pre-user-registration',
        code: hook.draft.code,
        payload: { user: {} },
        secrets: { PLAN: 'free' },
        graceMs: GRACE_MS,
        storage: {},
        network: { mocks: [], allowNetwork: false, moduleMocks: [], autoMocks: [] },
      },
    });
  });

  it("takes the test's overrides and timeout", () => {
    const built = testRequest(
      hook,
      {
        payloadText: '{}',
        overrides: {
          secrets: { PLAN: 'pro' },
          storage: { data: { n: 1 } },
          timeoutMs: 500,
          autoMocks: ['twilio'],
        },
      },
      20_000,
    );
    expect(built).toMatchObject({
      ok: true,
      timeoutMs: 500,
      request: {
        secrets: { PLAN: 'pro' },
        storage: { data: { n: 1 } },
        network: { autoMocks: ['twilio'] },
      },
    });
  });

  it('says why a test cannot start', () => {
    expect(
      testRequest(hook, { payloadText: '{}', overrides: { secrets: { '': 'x' } } }, 20_000),
    ).toEqual({
      ok: false,
      message: expect.stringMatching(/^Secrets: row 1: /),
    });
  });
});
