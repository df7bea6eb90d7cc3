import { describe, expect, test } from 'vitest';
import { platformView } from './platformView';
import { executeHook } from './executeHook';
import { getPoint } from './points';
import type { EngineOutcome, JsonValue } from './schemas';

const pre = getPoint('pre-user-registration');
const succeeded = (response: JsonValue): EngineOutcome => ({
  status: 'succeeded',
  response,
  durationMs: 1,
});

// Seed 002, "Example: Add Metadata to New Users".
const ADD_METADATA = `module.exports = function (user, context, cb) {
  var response = {};

  response.user = {
   user_metadata: { foo: 'bar' },
   app_metadata: { vip: true, score: 7 }
  };

  cb(null, response);
};`;

describe('merged user (pre-user-registration)', () => {
  test('the seed hook answers the documented response and merges the metadata', async () => {
    const hook = executeHook(
      { point: pre.id, code: ADD_METADATA, payload: pre.defaultPayload, secrets: {}, graceMs: 0 },
      { onLog: () => undefined },
    );
    const outcome = await hook.settled;
    expect(outcome.status === 'succeeded' && JSON.stringify(outcome.response)).toBe(
      '{"user":{"user_metadata":{"foo":"bar"},"app_metadata":{"vip":true,"score":7}}}',
    );
    const view = platformView(pre.id, pre.defaultPayload, outcome);
    expect(view).toEqual({
      kind: 'merged-user',
      user: {
        tenant: 'my-tenant',
        username: 'user1',
        password: 'xxxxxxx',
        email: 'user1@foo.com',
        emailVerified: false,
        phoneNumber: '1-000-000-0000',
        phoneNumberVerified: false,
        user_metadata: { hobby: 'surfing', foo: 'bar' },
        app_metadata: { plan: 'full', vip: true, score: 7 },
      },
      changes: [
        { path: 'user_metadata.foo', change: 'added' },
        { path: 'app_metadata.vip', change: 'added' },
        { path: 'app_metadata.score', change: 'added' },
      ],
      problems: [],
      ignoredFields: [],
    });
  });

  test('the starter code echoes the user: nothing changes, other fields are ignored', () => {
    const payload = pre.defaultPayload as { user: JsonValue };
    const view = platformView(pre.id, pre.defaultPayload, succeeded({ user: payload.user }));
    expect(view.kind === 'merged-user' && view.changes).toEqual([]);
    expect(view.kind === 'merged-user' && view.ignoredFields).toEqual([
      'tenant',
      'username',
      'password',
      'email',
      'emailVerified',
      'phoneNumber',
      'phoneNumberVerified',
    ]);
  });

  test('response keys win and are marked changed', () => {
    const view = platformView(
      pre.id,
      pre.defaultPayload,
      succeeded({ user: { app_metadata: { plan: 'pro' } } }),
    );
    expect(view).toMatchObject({
      changes: [{ path: 'app_metadata.plan', change: 'changed' }],
      user: { app_metadata: { plan: 'pro' } },
    });
  });

  test('$ and . in names: errors at the first level, warnings deeper', () => {
    const view = platformView(
      pre.id,
      pre.defaultPayload,
      succeeded({
        user: { user_metadata: { $bad: 1, 'a.b': 2, ok: { $deep: true } }, username: 'x' },
      }),
    );
    expect(view.kind === 'merged-user' && view.problems).toEqual([
      {
        path: 'user_metadata.$bad',
        severity: 'error',
        message: 'user_metadata.$bad: metadata property names must not start with $ or contain .',
      },
      {
        path: 'user_metadata["a.b"]',
        severity: 'error',
        message: 'user_metadata["a.b"]: metadata property names must not start with $ or contain .',
      },
      {
        path: 'user_metadata.ok.$deep',
        severity: 'warning',
        message:
          'user_metadata.ok.$deep: nested metadata property names starting with $ or containing . may be rejected (the platform documents the rule for the first level)',
      },
    ]);
    expect(view.kind === 'merged-user' && view.ignoredFields).toEqual(['username']);
  });

  test('metadata that is not an object is an error', () => {
    const view = platformView(
      pre.id,
      pre.defaultPayload,
      succeeded({ user: { app_metadata: 'x' } }),
    );
    expect(view.kind === 'merged-user' && view.problems).toEqual([
      {
        path: 'app_metadata',
        severity: 'error',
        message: 'app_metadata: metadata must be an object (got string)',
      },
    ]);
  });

  test('cb() ({}) leaves the user as it was', () => {
    const view = platformView(pre.id, pre.defaultPayload, succeeded({}));
    expect(view).toMatchObject({
      kind: 'merged-user',
      changes: [],
      problems: [],
      ignoredFields: [],
    });
    expect(view.kind === 'merged-user' && view.user).toEqual(
      (pre.defaultPayload as { user: JsonValue }).user,
    );
  });
});

describe('other points and outcomes', () => {
  const failed: EngineOutcome = {
    status: 'failed',
    kind: 'callback-error',
    error: { name: 'Error', message: 'x' },
    durationMs: 1,
  };

  test('no outcome or a failed one: nothing to show for pre-user-registration', () => {
    expect(platformView(pre.id, pre.defaultPayload, undefined)).toEqual({ kind: 'none' });
    expect(platformView(pre.id, pre.defaultPayload, failed)).toEqual({ kind: 'none' });
    expect(
      platformView(pre.id, pre.defaultPayload, { status: 'timed-out', durationMs: 20_000 }),
    ).toEqual({ kind: 'none' });
  });

  test('post points ignore the response', () => {
    for (const id of ['post-user-registration', 'post-change-password'] as const) {
      expect(platformView(id, {}, succeeded({ a: 1 }))).toEqual({
        kind: 'response-ignored',
        message: 'The platform ignores this point’s response.',
      });
      expect(platformView(id, {}, failed)).toEqual({
        kind: 'response-ignored',
        message: 'The platform only logs this error; it does not affect the transaction.',
      });
    }
  });

  test('credentials-exchange and send-phone-message show the response', () => {
    expect(platformView('credentials-exchange', {}, succeeded({ scope: [] }))).toEqual({
      kind: 'response',
    });
    expect(platformView('send-phone-message', {}, succeeded({}))).toEqual({ kind: 'response' });
  });
});
