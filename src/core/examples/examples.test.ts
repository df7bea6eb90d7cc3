import { describe, expect, test } from 'vitest';
import { examples, type HookExample } from './index';
import { points } from '../points';
import { validateBody } from '../validateBody';
import { TimeoutMsSchema } from '../schemas';
import { payloadOf, runExample, viewOf, type ExampleRun } from './runExample.testkit';

// The catalog, and every Client Credentials Exchange and Pre-User Registration example run
// through the engine (the other points are in examples.async.test.ts).

// Copied verbatim from the seeds: 002 "Example: Add Metadata to New Users" and 000
// "Example: Integrate with Slack".
const SEED_ADD_METADATA =
  "module.exports = function (user, context, cb) {\n  var response = {};\n\n  response.user = {\n   user_metadata: { foo: 'bar' },\n   app_metadata: { vip: true, score: 7 }\n  };\n\n  cb(null, response);\n};";
const SEED_SLACK =
  "module.exports = function (user, context, cb) {\n\n  // Get your Slack's hook URL from https://slack.com/services/10525858050\n  var SLACK_HOOK = 'YOUR SLACK HOOK URL';\n\n  // Post the new user's name and email address to the selected channel\n  var slack = require('slack-notify')(SLACK_HOOK);\n  var message = 'New User: ' + (user.name || user.email) + ' (' + user.email + ')';\n  var channel = '#some_channel';\n\n  slack.success({\n   text: message,\n   channel: channel\n  });\n\n  // Return immediately; the request to the Slack API will continue on the sandbox\n  cb(null, user, context);\n};";

function byId(id: string): HookExample {
  const example = examples.find((candidate) => candidate.id === id);
  if (!example) throw new Error(`No example ${id}`);
  return example;
}

describe('the catalog', () => {
  test('ids are unique and slug-like', () => {
    const ids = examples.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test.each(points.map((point) => [point.id]))('%s has at least two examples', (id) => {
    expect(examples.filter((example) => example.point === id).length).toBeGreaterThanOrEqual(2);
  });

  test('the seed examples are verbatim', () => {
    expect(byId('pre-user-registration-add-metadata').code).toBe(SEED_ADD_METADATA);
    expect(byId('post-user-registration-slack').code).toBe(SEED_SLACK);
  });

  test.each(examples.map((example) => [example.id, example] as const))(
    '%s: payload valid, one-sentence texts, sane timeout',
    (_id, example) => {
      const point = points.find((candidate) => candidate.id === example.point);
      expect(point).toBeDefined();
      if (point) expect(validateBody(point, payloadOf(example))).toMatchObject({ ok: true });
      for (const text of [example.title, example.description, example.expected]) {
        expect(text.trim()).toBe(text);
        expect(text).not.toMatch(/\n/);
        expect(text.length).toBeGreaterThan(5);
      }
      if (example.timeoutMs !== undefined) TimeoutMsSchema.parse(example.timeoutMs);
    },
  );
});

type Check = (run: ExampleRun, example: HookExample) => void | Promise<void>;

const checks: Record<string, Check> = {
  'credentials-exchange-add-claims': ({ outcome }, example) => {
    const claims = { scope: ['read:connections'], 'https://example.com/foo': 'bar' };
    expect(outcome).toMatchObject({ status: 'succeeded', response: claims });
    expect(viewOf(example, outcome)).toEqual({
      kind: 'access-token-claims',
      claims,
      dropped: [],
    });
  },

  'credentials-exchange-deny-scope': ({ outcome }, example) => {
    const description = 'Scope update:users is not permitted on the free plan.';
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: { name: 'InvalidScopeError', message: description, location: { line: 10 } },
    });
    expect(viewOf(example, outcome)).toMatchObject({
      kind: 'oauth-error',
      status: 400,
      body: { error: 'invalid_scope', error_description: description },
    });
  },

  'credentials-exchange-dropped-claims': ({ outcome }, example) => {
    expect(outcome).toMatchObject({ status: 'succeeded' });
    const notNamespaced = 'not namespaced (must be an http or https URL)';
    expect(viewOf(example, outcome)).toEqual({
      kind: 'access-token-claims',
      claims: {
        scope: ['read:connections'],
        'https://example.com/tenant': 'my-tenant',
        'http://api.example.com/plan': 'full',
      },
      dropped: [
        { key: 'https://auth0.com/roles', reason: 'reserved domain auth0.com' },
        { key: 'https://my-tenant.webtask.io/debug', reason: 'reserved domain webtask.io' },
        { key: 'urn:example:plan', reason: notNamespaced },
        { key: 'plan', reason: notNamespaced },
      ],
    });
  },

  'credentials-exchange-scope-undefined': ({ outcome, logs }, example) => {
    const claims = {
      scope: ['read:reports'],
      'https://example.com/client_name': 'nightly-export',
    };
    expect(outcome).toMatchObject({ status: 'succeeded', response: claims });
    expect(logs.map((entry) => entry.text)).toEqual(['scope is undefined - context keys: webtask']);
    expect(viewOf(example, outcome)).toEqual({ kind: 'access-token-claims', claims, dropped: [] });
  },

  'credentials-exchange-json-config-secret': ({ outcome }) => {
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: {
        scope: ['read:connections', 'read:reports'],
        'https://api.example.com/plan': 'full',
        'https://api.example.com/rate_limit': 1000,
      },
    });
  },

  'pre-user-registration-add-metadata': ({ outcome }, example) => {
    expect(outcome?.status === 'succeeded' && JSON.stringify(outcome.response)).toBe(
      '{"user":{"user_metadata":{"foo":"bar"},"app_metadata":{"vip":true,"score":7}}}',
    );
    expect(viewOf(example, outcome)).toMatchObject({
      kind: 'merged-user',
      user: {
        user_metadata: { hobby: 'surfing', foo: 'bar' },
        app_metadata: { plan: 'full', vip: true, score: 7 },
      },
      problems: [],
    });
  },

  'pre-user-registration-deny-personal-domains': ({ outcome }, example) => {
    const error = {
      name: 'PreUserRegistrationError',
      message: 'Denied signup from personal email domain gmail.com',
      friendlyMessage: 'Please sign up with your work email address.',
      location: { line: 7, column: 15 },
    };
    expect(outcome).toMatchObject({ status: 'failed', kind: 'callback-error', error });
    expect(viewOf(example, outcome)).toEqual({
      kind: 'signup-denied',
      message: error.message,
      friendlyMessage: error.friendlyMessage,
    });
  },

  'pre-user-registration-password-policy': ({ outcome }, example) => {
    const friendlyMessage =
      'Your password needs at least 12 characters, an uppercase letter, a digit, a symbol.';
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: {
        name: 'PreUserRegistrationError',
        message: 'Weak password rejected for user1@foo.com (4 rules failed)',
        friendlyMessage,
      },
    });
    expect(viewOf(example, outcome)).toEqual({
      kind: 'signup-denied',
      message: 'Weak password rejected for user1@foo.com (4 rules failed)',
      friendlyMessage,
    });
  },

  'pre-user-registration-partner-domains': ({ outcome }, example) => {
    expect(outcome).toMatchObject({ status: 'succeeded' });
    expect(viewOf(example, outcome)).toMatchObject({
      kind: 'merged-user',
      user: {
        email: 'wile.e.coyote@acme.com',
        user_metadata: { hobby: 'surfing', company: 'Acme Corp' },
        app_metadata: { plan: 'partner', partner_tier: 'gold' },
      },
      changes: [
        { path: 'user_metadata.company', change: 'added' },
        { path: 'app_metadata.plan', change: 'changed' },
        { path: 'app_metadata.partner_tier', change: 'added' },
      ],
      problems: [],
    });
  },

  'pre-user-registration-email-signature': ({ outcome }) => {
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: {
        user: {
          app_metadata: {
            // HMAC-SHA256("wile.e.coyote@acme.com", "hookpad-demo-signing-key"), from Node's crypto.
            email_signature: 'A/QX49EcXO02Wwd+mEs6cVbO2e4TJ5mQ6KkLZtwj/w4=',
            email_id: 'd2lsZS5lLmNveW90ZUBhY21lLmNvbQ==',
          },
        },
      },
      requires: [{ name: 'crypto', kind: 'builtin' }],
    });
  },

  'pre-user-registration-implicit-global': ({ outcome, logs }) => {
    delete (globalThis as Record<string, unknown>).greeting;
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: { user: { user_metadata: { greeting: 'Welcome' } } },
    });
    expect(logs.map((entry) => entry.text)).toEqual(['global.greeting is now Welcome']);
  },

  'pre-user-registration-cb-twice': ({ outcome, logs }, example) => {
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: { friendlyMessage: 'Signups from example.org are closed.', location: { line: 7 } },
    });
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'warn',
        source: 'runtime',
        text: expect.stringContaining('cb was called again (call #2)'),
        location: { line: 11, column: 3 },
        afterCallback: true,
      }),
    ]);
    expect(viewOf(example, outcome)).toEqual({
      kind: 'signup-denied',
      message: 'Signup from closed domain example.org',
      friendlyMessage: 'Signups from example.org are closed.',
    });
  },
};

describe.each(['credentials-exchange', 'pre-user-registration'])('%s examples', (point) => {
  test.each(examples.filter((e) => e.point === point).map((e) => [e.id, e] as const))(
    '%s',
    async (id, example) => {
      const check = checks[id];
      expect(check, `no check for ${id}`).toBeDefined();
      await check?.(await runExample(example), example);
    },
  );
});
