import { describe, expect, test } from 'vitest';
import { examples } from '../examples';
import { hook, mock, runHook } from './runHook.testkit';
import { dependenciesOf } from './dependenciesOf';
import { slackPayload } from './clients/createSlackNotify';

describe('module mocks', () => {
  test('evaluated once per run as CommonJS, with require, console and timers', async () => {
    const run = await runHook(
      hook(`
const a = require('crm-client');
const b = require('crm-client@2.0.0');
const contact = await a.create({ email: user.email });
cb(null, { same: a === b, contact, loads: a.loads });`),
      {
        moduleMocks: [
          {
            name: 'crm-client',
            code: `var util = require('util');
var loads = (global.__crmLoads = (global.__crmLoads || 0) + 1);
exports.loads = 1;
exports.create = function (contact) {
  console.log(util.format('creating %s', contact.email));
  return new Promise(function (resolve) { setTimeout(function () { resolve({ id: 'c1', email: contact.email }); }, 5); });
};`,
          },
        ],
      },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { same: true, contact: { id: 'c1' }, loads: 1 },
      requires: [
        { name: 'crm-client', kind: 'mock' },
        { name: 'crm-client', version: '2.0.0', kind: 'mock' },
      ],
    });
    expect(run.lines[0]).toMatch(/^creating /);
  });

  test('a mock wins over a built-in client and can wrap it by requiring its own name', async () => {
    const run = await runHook(
      hook(`
const axios = require('axios');
const res = await axios.get('https://api.example.com/x');
cb(null, { mocked: axios.mocked, data: res.data });`),
      {
        mocks: [mock({ urlPattern: '*', body: '{"real":1}' })],
        moduleMocks: [
          {
            name: 'axios',
            code: `const real = require('axios');
module.exports = { mocked: true, get: (url) => real.get(url).then((r) => ({ data: { wrapped: r.data } })) };`,
          },
        ],
      },
    );
    expect(run.outcome).toMatchObject({
      response: { mocked: true, data: { wrapped: { real: 1 } } },
      requires: [{ name: 'axios', kind: 'mock' }],
    });
    expect(run.entries).toMatchObject([{ client: 'axios', answeredBy: 'mock' }]);
  });

  test('errors in a mock name it', async () => {
    const syntax = await runHook(
      `var x = require('broken');\nmodule.exports = function (u, c, cb) { cb(); };`,
      {
        moduleMocks: [{ name: 'broken', code: 'module.exports = {' }],
      },
    );
    expect(syntax.outcome).toMatchObject({
      status: 'failed',
      kind: 'compile',
      error: {
        message: expect.stringMatching(/^Module mock 'broken' does not compile: SyntaxError: /),
        location: { line: 1, column: 9 },
      },
    });
    const thrown = await runHook(hook(`require('boom'); cb();`), {
      moduleMocks: [{ name: 'boom', code: "throw new Error('no config')" }],
    });
    expect(thrown.outcome).toMatchObject({
      status: 'failed',
      error: { message: "Module mock 'boom' threw while loading: Error: no config" },
    });
  });

  test('require cycles between mocks see the partial exports, as in Node', async () => {
    const run = await runHook(hook(`cb(null, require('a').fromB);`), {
      moduleMocks: [
        { name: 'a', code: "exports.early = 1; exports.fromB = require('b').seen;" },
        { name: 'b', code: "exports.seen = require('a').early;" },
      ],
    });
    expect(run.outcome).toMatchObject({ response: 1 });
  });
});

describe('auto-mocks', () => {
  test('records nested call chains with args and awaits cleanly', async () => {
    const run = await runHook(
      hook(`
const twilio = require('twilio');
const client = twilio('AC0123456789abcdef0123456789abcdef', 'token');
const message = await client.messages.create({ to: '+15555550100', body: 'Welcome!' });
const chained = await client.calls('CA1').fetch().then((call) => ({ then: typeof call.then }));
cb(null, { message, chained, text: String(client.messages), json: JSON.stringify({ client }) });`),
      { autoMocks: ['twilio'] },
    );
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {
        message: {},
        chained: { then: 'undefined' },
        text: '[Auto-mock twilio(…).messages]',
        json: '{"client":"[Auto-mock twilio(…)]"}',
      },
      requires: [{ name: 'twilio', kind: 'auto-mock' }],
    });
    expect(run.entries.map((entry) => [entry.call, entry.args, entry.location?.line])).toEqual([
      [
        "twilio('AC0123456789abcdef012345…', 'token')",
        ['AC0123456789abcdef0123456789abcdef', 'token'],
        4,
      ],
      ['twilio(…).messages.create({to, body})', [{ to: '+15555550100', body: 'Welcome!' }], 5],
      ["twilio(…).calls('CA1')", ['CA1'], 6],
      ['twilio(…).calls(…).fetch()', [], 6],
    ]);
    expect(run.entries[1]).toMatchObject({ kind: 'sdk', client: 'twilio', answeredBy: 'sdk' });
  });

  test('new, Node-style callbacks, and console.log of the proxy', async () => {
    const run = await runHook(
      hook(`
const Stripe = require('stripe');
const stripe = new Stripe('sk_test_1', { apiVersion: '2020-08-27' });
console.log(stripe);
stripe.customers.create({ email: user.email }, function (err, customer) {
  cb(null, { err, customer });
});`),
      { autoMocks: ['stripe'] },
    );
    expect(run.outcome).toMatchObject({ response: { err: null, customer: {} } });
    expect(run.entries.map((entry) => entry.call)).toEqual([
      "new stripe('sk_test_1', {apiVersion})",
      'new stripe(…).customers.create({email}, ƒ)',
    ]);
    expect(run.lines[0]).toBe('[Function: new stripe(…)]');
  });
});

describe('unknown modules', () => {
  test('the error says how to fix it and carries the module name', async () => {
    const run = await runHook(
      hook(
        `try { require('lodash@4.17.21'); } catch (e) { return cb(null, [e.message, e.code, e.hookpadModule]); }`,
      ),
    );
    expect(run.outcome).toMatchObject({
      response: [
        "Module 'lodash' is not available in Hookpad — add a module mock or choose Auto-mock for it",
        'MODULE_NOT_FOUND',
        'lodash',
      ],
    });
  });
});

describe('dependenciesOf', () => {
  test('versions from pinned requires, latest otherwise, no Node core modules', () => {
    expect(
      dependenciesOf([
        { name: 'crypto', kind: 'builtin' },
        { name: 'https', kind: 'client' },
        { name: 'axios', kind: 'client' },
        { name: 'slack-notify', version: '0.1.6', kind: 'client' },
        { name: 'lodash', kind: 'missing' },
        { name: 'lodash', version: '4.17.21', kind: 'missing' },
        { name: 'twilio', version: '3.0.0', kind: 'auto-mock' },
        { name: 'crm', kind: 'mock' },
      ]),
    ).toEqual({
      axios: 'latest',
      'slack-notify': '0.1.6',
      lodash: '4.17.21',
      twilio: '3.0.0',
      crm: 'latest',
    });
  });
});

describe('slack-notify', () => {
  const SLACK = 'https://hooks.slack.com/services/T000/B000/XXX';
  const slackMock = mock({
    id: 'slack',
    method: 'POST',
    urlPattern: 'https://hooks.slack.com/*',
    body: 'ok',
  });

  test('send/success/alert/note POST the JSON payload with the library conventions', async () => {
    const run = await runHook(
      hook(`
const slack = require('slack-notify')('${SLACK}');
slack.send({ text: 'plain', fields: { Email: user.email, Note: 'a long value that is not short at all' } });
slack.success('ok!');
slack.alert({ text: 'alert', channel: '#ops' });
slack.note({ text: 'note' }, function (err) { cb(null, { err: err || null }); });`),
      { mocks: [slackMock] },
    );
    expect(run.outcome).toMatchObject({ response: { err: null } });
    expect(run.entries).toHaveLength(4);
    for (const entry of run.entries) {
      expect(entry).toMatchObject({
        client: 'slack-notify',
        method: 'POST',
        url: SLACK,
        requestHeaders: { 'content-type': 'application/json' },
        answeredBy: 'mock',
      });
    }
    const bodies = run.entries.map((entry) => JSON.parse(entry.requestBody ?? ''));
    expect(bodies).toEqual([
      {
        channel: '#general',
        username: 'Robot',
        text: 'plain',
        icon_emoji: ':bell:',
        attachments: [
          {
            fallback: 'Alert details',
            fields: [
              { title: 'Email', value: 'user1@foo.com', short: true },
              { title: 'Note', value: 'a long value that is not short at all', short: false },
            ],
          },
        ],
      },
      { channel: '#alerts', username: 'Hoorah', text: 'ok!', icon_emoji: ':trophy:' },
      { channel: '#ops', username: 'Alert', text: 'alert', icon_emoji: ':warning:' },
      { channel: '#alerts', username: 'Note', text: 'note', icon_emoji: ':bulb:' },
    ]);
    expect(slackPayload({ text: 'x', icon_url: 'https://i/x.png' })).not.toHaveProperty(
      'icon_emoji',
    );
  });

  test('an answer other than "ok" is an error for the callback; extend() keeps its defaults', async () => {
    const run = await runHook(
      hook(`
const slack = require('slack-notify')('${SLACK}');
const deploy = slack.extend({ channel: '#deploys', username: 'Deployer' });
deploy('v1.2', function (err) { cb(null, err && err.message); });`),
      { mocks: [mock({ urlPattern: '*', status: 404, body: 'no_service' })] },
    );
    expect(run.outcome).toMatchObject({ response: 'no_service' });
    expect(JSON.parse(run.entries[0]?.requestBody ?? '')).toMatchObject({
      channel: '#deploys',
      username: 'Deployer',
      text: 'v1.2',
    });
  });

  test('the seed Slack hook: one POST, answered after cb() (marked after callback)', async () => {
    // Seed 000 verbatim (examples.test.ts checks the catalog copy against the seed).
    const code =
      examples.find((example) => example.id === 'post-user-registration-slack')?.code ?? '';
    expect(code).toContain("require('slack-notify')(SLACK_HOOK)");
    const run = await runHook(code, {
      mocks: [
        mock({
          id: 'slack',
          method: 'POST',
          urlPattern: 'YOUR SLACK HOOK URL',
          body: 'ok',
          delayMs: 5,
        }),
      ],
    });
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      requires: [{ name: 'slack-notify', kind: 'client' }],
    });
    expect(run.entries).toHaveLength(1);
    expect(run.entries[0]).toMatchObject({
      client: 'slack-notify',
      method: 'POST',
      url: 'YOUR SLACK HOOK URL',
      answeredBy: 'mock',
      mockId: 'slack',
      afterCallback: true,
      location: { line: 11, column: 9 },
    });
    expect(JSON.parse(run.entries[0]?.requestBody ?? '')).toEqual({
      channel: '#some_channel',
      username: 'Hoorah',
      text: 'New User: user1@foo.com (user1@foo.com)',
      icon_emoji: ':trophy:',
    });
  });
});

describe('after the callback', () => {
  test('requests during the grace period are recorded, later ones are not', async () => {
    const run = await runHook(
      `module.exports = function (user, context, cb) {
  cb();
  setTimeout(function () { fetch('https://api.example.com/in-grace'); }, 10);
  setTimeout(function () { fetch('https://api.example.com/too-late'); }, 400);
};`,
      { mocks: [mock({ urlPattern: '*', body: 'ok' })] },
      { graceMs: 100 },
    );
    expect(run.entries.map((entry) => [entry.url, entry.afterCallback])).toEqual([
      ['https://api.example.com/in-grace', true],
    ]);
  });

  test('a request made before cb but answered after it is marked after callback', async () => {
    const run = await runHook(
      `module.exports = function (user, context, cb) {
  fetch('https://api.example.com/slow').then(function (res) { console.log('answered', res.status); });
  cb();
};`,
      { mocks: [mock({ urlPattern: '*', delayMs: 20 })] },
    );
    expect(run.entries[0]).toMatchObject({ afterCallback: true, status: 200 });
    expect(run.lines).toEqual(['answered 200 (after callback)']);
  });
});
