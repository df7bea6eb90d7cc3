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

  const failedWith = (base: EngineOutcome, patch: object) =>
    ({ ...base, ...patch }) as EngineOutcome;

  test('no outcome, a timeout, a cancel or a crash: nothing to show', () => {
    expect(platformView(pre.id, pre.defaultPayload, undefined)).toEqual({ kind: 'none' });
    expect(
      platformView(pre.id, pre.defaultPayload, { status: 'timed-out', durationMs: 20_000 }),
    ).toEqual({ kind: 'none' });
    expect(platformView(pre.id, {}, { status: 'cancelled', durationMs: 1 })).toEqual({
      kind: 'none',
    });
  });

  test('pre-user-registration: a failure denies the signup', () => {
    expect(platformView(pre.id, pre.defaultPayload, failed)).toEqual({
      kind: 'signup-denied',
      message: 'x',
    });
    const friendly = failedWith(failed, {
      error: { name: 'PreUserRegistrationError', message: 'log', friendlyMessage: 'Sorry' },
    });
    expect(platformView(pre.id, {}, friendly)).toEqual({
      kind: 'signup-denied',
      message: 'log',
      friendlyMessage: 'Sorry',
    });
    // Thrown instead of passed to cb: the runtime's 500 carried no friendlyMessage.
    expect(platformView(pre.id, {}, failedWith(friendly, { kind: 'thrown' }))).toEqual({
      kind: 'signup-denied',
      message: 'log',
    });
  });

  test('post points ignore the response; an error is only logged', () => {
    expect(platformView('post-user-registration', {}, succeeded({ a: 1 }))).toEqual({
      kind: 'response-ignored',
      message: "The platform ignores this point's response.",
    });
    expect(platformView('post-change-password', {}, succeeded({}))).toEqual({
      kind: 'response-ignored',
      message: "The platform ignores this point's response.",
    });
    expect(platformView('post-user-registration', {}, failed)).toEqual({
      kind: 'response-ignored',
      message: 'Logged only — the signup is not affected.',
    });
    expect(
      platformView('post-change-password', {}, failedWith(failed, { kind: 'thrown' })),
    ).toEqual({
      kind: 'response-ignored',
      message: 'Logged only — the password change is not affected.',
    });
  });

  test('send-phone-message: the response is not used; a failure means no message', () => {
    expect(platformView('send-phone-message', {}, succeeded({}))).toEqual({ kind: 'response' });
    expect(platformView('send-phone-message', {}, failed)).toEqual({
      kind: 'message-not-sent',
      message: 'The message was not sent.',
    });
  });
});

describe('credentials-exchange', () => {
  const ce = 'credentials-exchange' as const;
  const failedWith = (name: string, kind: 'callback-error' | 'thrown' = 'callback-error') =>
    ({
      status: 'failed',
      kind,
      error: { name, message: 'why' },
      durationMs: 1,
    }) as EngineOutcome;

  test('keeps scope and namespaced claims, lists every dropped claim with its reason', () => {
    const view = platformView(
      ce,
      {},
      succeeded({
        scope: ['read:x'],
        'https://example.com/claim': 'bar',
        'http://example.org/n': 1,
        plain: true,
        'ftp://example.com/x': 1,
        'urn:example:claim': 1,
        'https://auth0.com/x': 1,
        'https://tenant.auth0.com/x': 1,
        'https://webtask.io/x': 1,
        'https://x.webtask.run/y': 1,
        'https://notauth0.com/x': 'kept',
      }),
    );
    expect(view).toEqual({
      kind: 'access-token-claims',
      claims: {
        scope: ['read:x'],
        'https://example.com/claim': 'bar',
        'http://example.org/n': 1,
        'https://notauth0.com/x': 'kept',
      },
      dropped: [
        { key: 'plain', reason: 'not namespaced (must be an http or https URL)' },
        { key: 'ftp://example.com/x', reason: 'not namespaced (must be an http or https URL)' },
        { key: 'urn:example:claim', reason: 'not namespaced (must be an http or https URL)' },
        { key: 'https://auth0.com/x', reason: 'reserved domain auth0.com' },
        { key: 'https://tenant.auth0.com/x', reason: 'reserved domain auth0.com' },
        { key: 'https://webtask.io/x', reason: 'reserved domain webtask.io' },
        { key: 'https://x.webtask.run/y', reason: 'reserved domain webtask.run' },
      ],
    });
  });

  test('cb() gives no claims', () => {
    expect(platformView(ce, {}, { status: 'succeeded', durationMs: 1 })).toEqual({
      kind: 'access-token-claims',
      claims: {},
      dropped: [],
    });
  });

  test.each([
    ['Error', 500, 'server_error'],
    ['ServerError', 500, 'server_error'],
    ['InvalidScopeError', 400, 'invalid_scope'],
    ['InvalidRequestError', 400, 'invalid_request'],
  ])('cb(new %s) → %i %s', (name, status, error) => {
    expect(platformView(ce, {}, failedWith(name))).toEqual({
      kind: 'oauth-error',
      status,
      body: { error, error_description: 'why' },
    });
  });

  test('a thrown InvalidScopeError is a 500 server_error (the runtime answered 500)', () => {
    expect(platformView(ce, {}, failedWith('InvalidScopeError', 'thrown'))).toMatchObject({
      status: 500,
      body: { error: 'server_error' },
    });
  });
});
