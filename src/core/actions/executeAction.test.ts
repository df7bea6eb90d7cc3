import { describe, expect, test } from 'vitest';
import { executeAction } from './executeAction';
import { action, runAction } from './runAction.testkit';
import { mock } from '../network/runHook.testkit';
import { getPoint } from '../points';
import { actionTriggers } from './actionTriggers';

// Running an Action (docs/runtime-semantics.md §18.5): the hook's sandbox boundary, the
// trigger's export, the hook-equivalent outcome and the recorded api calls.

const PRE = 'onExecutePreUserRegistration';
const CCE = 'onExecuteCredentialsExchange';
const POST = 'onExecutePostUserRegistration';

describe('executeAction', () => {
  test('setUserMetadata settles like the hook’s cb(null, {user:{user_metadata}}), calls recorded', async () => {
    const { outcome } = await runAction(
      'pre-user-registration',
      action(PRE, "  api.user.setUserMetadata('plan', 'gold');"),
    );
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: { user: { user_metadata: { plan: 'gold' } } },
      apiCalls: [
        {
          seq: 0,
          method: 'api.user.setUserMetadata',
          args: ['plan', 'gold'],
          location: { line: 2 },
        },
      ],
    });
  });

  test('an Action that calls nothing answers {} at pre-user-registration, like cb()', async () => {
    const { outcome } = await runAction('pre-user-registration', action(PRE, ''));
    expect(outcome).toMatchObject({ status: 'succeeded', response: {}, apiCalls: [] });
  });

  test('api.access.deny fails like cb(new PreUserRegistrationError(reason, userMessage))', async () => {
    const { outcome } = await runAction(
      'pre-user-registration',
      action(PRE, "  api.access.deny('blocked domain', 'Signups are closed');"),
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: {
        name: 'PreUserRegistrationError',
        message: 'blocked domain',
        friendlyMessage: 'Signups are closed',
        location: { line: 2 },
      },
    });
  });

  test('credentials-exchange: claims join the payload’s scope; deny maps the OAuth code', async () => {
    const claim = await runAction(
      'credentials-exchange',
      action(CCE, "  api.accessToken.setCustomClaim('https://x/y', 1);"),
    );
    expect(claim.outcome).toMatchObject({
      status: 'succeeded',
      response: { scope: ['read:connections'], 'https://x/y': 1 },
    });
    const denied = await runAction(
      'credentials-exchange',
      action(CCE, "  api.access.deny('invalid_scope', 'Not for you');"),
    );
    expect(denied.outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: { name: 'InvalidScopeError', message: 'Not for you' },
    });
  });

  test('a throw and a rejection fail as for a hook, with the api calls made so far', async () => {
    const thrown = await runAction(
      'pre-user-registration',
      `exports.${PRE} = (event, api) => { api.user.setAppMetadata('a', 1); throw new Error('boom'); };`,
    );
    expect(thrown.outcome).toMatchObject({
      status: 'failed',
      kind: 'thrown',
      error: { name: 'Error', message: 'boom', location: { line: 1 } },
      apiCalls: [{ method: 'api.user.setAppMetadata' }],
    });
    const rejected = await runAction(
      'pre-user-registration',
      action(PRE, "  throw new TypeError('no');"),
    );
    expect(rejected.outcome).toMatchObject({
      status: 'failed',
      kind: 'rejected',
      error: { message: 'no' },
    });
  });

  test('a missing export fails not-a-function and names the export expected', async () => {
    const { outcome } = await runAction(
      'pre-user-registration',
      'exports.onExecutePostLogin = async () => {};',
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'not-a-function',
      error: {
        name: 'TypeError',
        message:
          'exports.onExecutePreUserRegistration is not a function (got undefined): a pre-user-registration Action exports onExecutePreUserRegistration',
      },
    });
  });

  test('a method the trigger lacks is absent: calling it is a TypeError', async () => {
    const { outcome } = await runAction(
      'post-user-registration',
      action(POST, "  api.user.setUserMetadata('a', 1);"),
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'rejected',
      error: { name: 'TypeError' },
    });
  });

  test('post-* triggers resolve with no response; the grace period keeps logs after it', async () => {
    const { outcome, logs } = await runAction(
      'post-user-registration',
      action(POST, "  setTimeout(() => console.log('later'), 5);"),
      { graceMs: 200 },
    );
    expect(outcome).toEqual({ status: 'succeeded', durationMs: expect.any(Number), apiCalls: [] });
    expect(logs).toMatchObject([{ text: 'later', afterCallback: true }]);
  });

  test('console, secrets, module mocks and HTTP mocks work as in a hook', async () => {
    const { outcome, logs, entries } = await runAction(
      'post-change-password',
      action(
        'onExecutePostChangePassword',
        [
          "  const greet = require('greeter');",
          '  console.log(greet(event.secrets.NAME));',
          "  const res = await fetch('https://api.example.com/ping');",
          '  console.log(res.status);',
        ].join('\n'),
      ),
      {
        secrets: { NAME: 'Ada' },
        network: {
          moduleMocks: [{ name: 'greeter', code: "module.exports = (n) => 'hi ' + n;" }],
          mocks: [mock({ urlPattern: 'https://api.example.com/*', status: 204 })],
        },
      },
    );
    expect(outcome).toMatchObject({
      status: 'succeeded',
      requires: [{ name: 'greeter', kind: 'mock' }],
    });
    expect(logs.map((entry) => entry.text)).toEqual(['hi Ada', '204']);
    expect(entries).toMatchObject([{ kind: 'http', url: 'https://api.example.com/ping' }]);
  });

  test('the network stays closed without a mock, as for a hook', async () => {
    const { outcome } = await runAction(
      'post-change-password',
      action('onExecutePostChangePassword', "  await fetch('https://api.example.com/');"),
    );
    expect(outcome).toMatchObject({ status: 'failed', kind: 'rejected' });
  });

  test('a versioned require fails like the platform: Actions take dependencies instead', async () => {
    const { outcome } = await runAction(
      'post-user-registration',
      `const axios = require('axios@1.6.0');\n${action(POST, '')}`,
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'compile',
      error: {
        message:
          "Cannot find module 'axios@1.6.0': Actions do not support versioned requires — require('axios') and add axios@1.6.0 to the Action's dependencies",
        props: { code: 'MODULE_NOT_FOUND' },
      },
    });
  });

  test('a syntax error fails to compile with its line; an invalid payload fails its check', async () => {
    const syntax = await runAction(
      'post-user-registration',
      `\nexports.${POST} = async (event, api) => {`,
    );
    expect(syntax.outcome).toMatchObject({
      status: 'failed',
      kind: 'compile',
      error: { name: 'SyntaxError' },
    });
    const body = await runAction('post-user-registration', action(POST, ''), {
      payload: { user: {} },
    });
    expect(body.outcome).toMatchObject({ status: 'failed', kind: 'invalid-body' });
  });

  test('an Action that never settles leaves the outcome to the host’s timeout', async () => {
    const point = getPoint('pre-user-registration');
    const running = executeAction(
      {
        point: point.id,
        kind: 'action',
        code: action(PRE, '  await new Promise(() => {});'),
        payload: point.defaultPayload,
        secrets: {},
        graceMs: 0,
      },
      { onLog: () => undefined },
    );
    const pending = Symbol('pending');
    const first = await Promise.race([
      running.settled,
      new Promise((resolve) => setTimeout(() => resolve(pending), 100)),
    ]);
    expect(first).toBe(pending);
  });

  test.each(actionTriggers.map((t) => [t.id, t] as const))(
    '%s: the starter Action runs and succeeds on the default payload',
    async (id, trigger) => {
      const { outcome } = await runAction(id, trigger.starterCode);
      expect(outcome.status).toBe('succeeded');
    },
  );
});
