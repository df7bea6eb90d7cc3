import { describe, expect, it } from 'vitest';
import { decodeShareLink, SHARE_LINK_VERSION, type SharedState } from './shareLink';

/*
 * Share links live on in tickets, chats and bookmarks: every link Hookpad ever wrote must
 * keep opening. `fixtures/` holds real tokens, one file per link, made by the encoder of
 * their version (v1-node-zlib.txt by Node's zlib, the way the README tells support staff).
 *
 * This test must keep passing in every future version:
 * - never edit, regenerate or delete a fixture file; add new ones for a new version;
 * - when a new version changes the shape decoding returns, update the expectations
 *   below to the new shape, with the same content.
 */
const fixtures = import.meta.glob<string>('./fixtures/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const twilioCode =
  "const twilio = require('twilio@3.0.0');\nmodule.exports = function (recipient, text, context, cb) {\n  const client = twilio(context.webtask.secrets.TWILIO_SID, context.webtask.secrets.TWILIO_TOKEN);\n  client.messages.create({ to: recipient, from: context.webtask.secrets.FROM, body: text })\n    .then(() => cb(null, {}), cb);\n};\n";

const preUserCode =
  "const axios = require('axios@0.19.2');\nconst lib = require('my-lib');\nmodule.exports = async function (user, context, cb) {\n  const r = await axios.post('https://api.example.com/users', { email: user.email }, { headers: { authorization: 'Bearer ' + context.webtask.secrets.API_KEY } });\n  console.log('héllo ✓', lib.greet(), r.status);\n  cb(null, { user: { user_metadata: { plan: r.data.plan } } });\n};\n";

/** What opening each fixture shows, in the shape decoding returns today. */
const expected: Record<string, SharedState> = {
  'v1-minimal.txt': {
    v: 3,
    point: 'credentials-exchange',
    code: "module.exports = function (client, scope, audience, context, cb) {\n  cb(null, { scope: ['read:users'] });\n};\n",
    payload: {
      audience: 'https://api.example.com',
      client: { id: 'abc', name: 'My App' },
      scope: ['read:users'],
    },
  },
  'v1-full.txt': {
    v: 3,
    point: 'pre-user-registration',
    code: preUserCode,
    payload: {
      user: {
        tenant: 'my-tenant',
        username: 'user1',
        email: 'user1@foo.com',
        password: 'xxxxxxx',
        phoneNumber: '1-000-000-0000',
        user_metadata: { hobby: 'surfing' },
        app_metadata: { plan: 'full' },
      },
      context: {
        requestLanguage: 'en-us',
        connection: {
          id: 'con_xxxxxxxxxxxxxxxx',
          name: 'Username-Password-Authentication',
          tenant: 'my-tenant',
        },
        webtask: { ip: '127.0.0.1' },
      },
    },
    timeoutMs: 4321,
    secrets: { API_KEY: 'k-123', EMPTY: '' },
    mocks: [
      {
        id: 'mock-users',
        method: 'POST',
        urlPattern: 'https://api.example.com/*',
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: '{"plan":"pro"}',
        delayMs: 15,
        networkError: false,
      },
      {
        id: 'mock-down',
        method: 'ANY',
        urlPattern: '/^https:\\/\\/down\\./i',
        status: 503,
        headers: {},
        body: '',
        delayMs: 0,
        networkError: true,
      },
    ],
    modules: [{ name: 'my-lib', code: "module.exports = { greet: () => 'hi' };" }],
    autoMocks: ['twilio', 'stripe'],
    allowNetwork: true,
  },
  'v1-node-zlib.txt': {
    v: 3,
    point: 'credentials-exchange',
    code: 'module.exports = 1; // ✓',
    payload: { client: { name: 'é' } },
  },
  'v2-minimal.txt': {
    v: 3,
    point: 'post-change-password',
    code: 'module.exports = function (user, context, cb) {\n  cb();\n};\n',
    payload: {
      user: {
        id: 'abc',
        username: 'user1',
        email: 'user1@foo.com',
        last_password_reset: '2019-02-27T14:14:29.206Z',
      },
      context: {
        connection: {
          id: 'con_xxxxxxxxxxxxxxxx',
          name: 'Username-Password-Authentication',
          tenant: 'my-tenant',
        },
      },
    },
  },
  'v2-hook.txt': {
    v: 3,
    point: 'send-phone-message',
    name: 'Send SMS via Twilio',
    code: twilioCode,
    payload: {
      recipient: '1-808-555-5555',
      text: 'Here is your one time password: 999111',
      context: {
        message_type: 'sms',
        action: 'enrollment',
        language: 'en',
        code: '999111',
        ip: '127.0.0.1',
        user_agent: 'Mozilla/5.0',
        client_id: 'xxxx',
        name: 'My App',
        client_metadata: {},
        user: { user_id: 'auth0|1', email: 'a@b.c' },
      },
    },
    timeoutMs: 15000,
    secrets: { TWILIO_SID: '', TWILIO_TOKEN: '', FROM: '+15550100', UNSET: '' },
    redactedSecrets: ['TWILIO_SID', 'TWILIO_TOKEN'],
    dependencies: { twilio: '3.0.0' },
    mocks: [
      {
        id: 'mock-status',
        method: 'GET',
        urlPattern: 'https://status.example.com/',
        status: 200,
        headers: {},
        body: 'ok ✓',
        delayMs: 0,
      },
    ],
    modules: [{ name: 'sms-lib', code: 'module.exports = { len: (t) => t.length };' }],
    autoMocks: ['twilio'],
  },
  'v3-action.txt': {
    v: 3,
    point: 'pre-user-registration',
    name: 'Ported signup',
    code: 'module.exports = function (user, context, cb) {\n  cb(null, { user: { user_metadata: { plan: context.webtask.secrets.PLAN } } });\n};\n',
    payload: { user: { email: 'a@b.c' }, context: {} },
    timeoutMs: 20000,
    secrets: { PLAN: '' },
    redactedSecrets: ['PLAN'],
    action: {
      code: "exports.onExecutePreUserRegistration = async (event, api) => {\n  api.user.setUserMetadata('plan', event.secrets.PLAN);\n};\n",
      dependencies: { lodash: '4.17.21' },
      notes: [
        {
          line: 1,
          hookLine: 1,
          construct: 'context.webtask.storage',
          message: 'Webtask storage has no Action equivalent.',
        },
      ],
    },
  },
  'v3-tests.txt': {
    v: 3,
    point: 'pre-user-registration',
    name: 'Add plan to new users',
    code: "module.exports = function (user, context, cb) {\n  const plan = context.webtask.secrets.PLAN || 'free';\n  console.log('plan for', user.email, plan);\n  cb(null, { user: { user_metadata: { plan } } });\n};\n",
    payload: {
      user: { email: 'user1@foo.com', password: 'xxxxxxx' },
      context: { requestLanguage: 'en-us' },
    },
    timeoutMs: 10000,
    secrets: { PLAN: '', REGION: 'eu' },
    redactedSecrets: ['PLAN'],
    tests: [
      {
        name: 'gives the secret plan ✓',
        payloadText: '{\n  "user": { "email": "pro@foo.com" },\n  "context": {}\n}',
        overrides: { secrets: { PLAN: '' }, storage: { data: { seen: 1 } }, timeoutMs: 5000 },
        expectations: {
          outcome: { status: 'succeeded' },
          mergedUser: { contains: { user_metadata: { plan: '' } } },
          console: [{ contains: 'plan for pro@foo.com' }],
        },
      },
      {
        name: 'free without a plan',
        payloadText: '{ "user": { "email": "a@b.c" }, "context": {} }',
        overrides: { secrets: {} },
        expectations: {
          outcome: { status: 'succeeded' },
          response: { equals: { user: { user_metadata: { plan: 'free' } } } },
          console: [{ matches: '^plan for a@b\\.c', flags: 'i' }],
        },
      },
    ],
  },
};

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

describe('share link fixtures', () => {
  it('has a fixture for every version up to the one written today, and an expectation for each', () => {
    const names = Object.keys(fixtures).map(fileName).sort();
    expect(names).toEqual(Object.keys(expected).sort());
    for (let v = 1; v <= SHARE_LINK_VERSION; v += 1) {
      expect(names.some((name) => name.startsWith(`v${v}-`))).toBe(true);
    }
  });

  it.each(Object.entries(fixtures).map(([path, token]) => [fileName(path), token] as const))(
    '%s opens with its content',
    async (name, token) => {
      expect(await decodeShareLink(token.trim())).toEqual({ ok: true, state: expected[name] });
    },
  );
});
