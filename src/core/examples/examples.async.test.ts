import { describe, expect, test } from 'vitest';
import { examples, type HookExample } from './index';
import { MESSAGE_NOT_SENT, RESPONSE_IGNORED } from '../platformView';
import type { JsonValue } from '../schemas';
import { logLines, payloadOf, runExample, viewOf, type ExampleRun } from './runExample.testkit';

// Every Post-User Registration, Post Change Password and Send Phone Message example, run
// through the engine: work after cb, timeouts, escaped errors, require, storage.

type Check = (run: ExampleRun, example: HookExample) => void | Promise<void>;

const PROMISE_HINT = 'the returned promise settled but cb was never called';

const checks: Record<string, Check> = {
  'post-user-registration-slack': ({ outcome, requests }, example) => {
    const payload = payloadOf(example) as { user: JsonValue };
    expect(outcome).toMatchObject({
      status: 'succeeded',
      response: payload.user,
      requires: [{ name: 'slack-notify', kind: 'client' }],
    });
    expect(viewOf(example, outcome)).toEqual({
      kind: 'response-ignored',
      message: RESPONSE_IGNORED,
    });
    // The webhook post leaves after cb, finds no mock and is blocked.
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      kind: 'http',
      client: 'slack-notify',
      method: 'POST',
      url: 'YOUR SLACK HOOK URL',
      answeredBy: 'blocked',
    });
    expect(JSON.parse(requests[0]!.requestBody ?? 'null')).toMatchObject({
      text: 'New User: user1@foo.com (user1@foo.com)',
      channel: '#some_channel',
    });
  },

  'post-user-registration-work-after-callback': (run, example) => {
    expect(run.outcome).toMatchObject({ status: 'succeeded', response: {} });
    expect(logLines(run)).toEqual([
      'Queued CRM sync for user1@foo.com',
      'CRM contact created: crm_user1 (after callback)',
    ]);
    expect(viewOf(example, run.outcome)).toEqual({
      kind: 'response-ignored',
      message: RESPONSE_IGNORED,
    });
  },

  'post-user-registration-async-no-cb': ({ outcome, logs }) => {
    // runExample gave up after the example's timeoutMs: the run never settled.
    expect(outcome).toBeUndefined();
    expect(logs.map((entry) => entry.text)).toEqual([
      'Welcome email ready for user1@foo.com (28 characters)',
      expect.stringContaining(PROMISE_HINT),
    ]);
    expect(logs[1]).toMatchObject({ source: 'runtime', level: 'warn' });
  },

  'post-change-password-throw-in-timer': ({ outcome }, example) => {
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'async-throw',
      error: {
        name: 'Error',
        message: 'Session service answered 503',
        location: { line: 11, column: 13 },
      },
    });
    expect(viewOf(example, outcome)).toEqual({
      kind: 'response-ignored',
      message: 'Logged only — the password change is not affected.',
    });
  },

  'post-change-password-require-lodash-version': ({ outcome }) => {
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'compile',
      error: {
        message:
          "Module 'lodash' is not available in Hookpad — add a module mock or choose Auto-mock for it",
        location: { line: 1, column: 9 },
      },
      requires: [{ name: 'lodash', version: '4.17.21', kind: 'missing' }],
    });
  },

  'post-change-password-require-util-version': (run, example) => {
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: {},
      requires: [{ name: 'util', version: '0.12.5', kind: 'builtin' }],
    });
    expect(logLines(run)).toEqual([
      'Password of user1@foo.com (abc123) changed at 2019-02-27T14:14:29.206Z',
    ]);
    expect(viewOf(example, run.outcome)).toEqual({
      kind: 'response-ignored',
      message: RESPONSE_IGNORED,
    });
  },

  'send-phone-message-token-cache': async (first, example) => {
    const response = { provider: 'example-gateway', recipient: '1-808-555-5555' };
    // Run 1, with the example's expired token: a new token is requested and stored.
    expect(first.outcome).toMatchObject({ status: 'succeeded', response });
    expect(logLines(first)[0]).toBe('Cached gateway token expired; requesting a new one');
    expect(first.stored).toHaveLength(1);
    const state = first.stored[0];
    const token = (state?.data as { gatewayToken?: { value: string; expiresAt: number } })
      ?.gatewayToken;
    expect(token?.value).toMatch(/^gw_[0-9a-f]{24}$/);
    expect(token?.expiresAt).toBeGreaterThan(Date.now() + 59 * 60 * 1000);
    expect(logLines(first)[1]).toBe(
      `Sending sms to 1-808-555-5555 with token ${token?.value.slice(0, 6)}…`,
    );

    // Run 2, with what run 1 stored: the cached token is used and nothing is written.
    const second = await runExample(example, { storage: state });
    expect(second.outcome).toMatchObject({ status: 'succeeded', response });
    expect(logLines(second)[0]).toBe('Using the cached gateway token');
    expect(second.stored).toEqual([]);

    // Empty storage: set without force would throw on the platform; the example forces it.
    const empty = await runExample(example, { storage: null });
    expect(logLines(empty)[0]).toBe('No cached gateway token; requesting one');
    expect(empty.outcome).toMatchObject({ status: 'succeeded', response });
    expect(empty.stored).toHaveLength(1);
  },

  'send-phone-message-sms-only': ({ outcome }, example) => {
    expect(outcome).toMatchObject({
      status: 'failed',
      kind: 'callback-error',
      error: {
        name: 'SendPhoneMessageError',
        message: 'Unsupported message type voice for 1-808-555-5555',
        friendlyMessage: 'We can only send codes by text message. Please choose SMS.',
        location: { line: 3, column: 15 },
      },
    });
    expect(viewOf(example, outcome)).toEqual({
      kind: 'message-not-sent',
      message: MESSAGE_NOT_SENT,
    });
  },
};

const POINTS = ['post-user-registration', 'post-change-password', 'send-phone-message'];

describe.each(POINTS)('%s examples', (point) => {
  test.each(examples.filter((e) => e.point === point).map((e) => [e.id, e] as const))(
    '%s',
    async (id, example) => {
      const check = checks[id];
      expect(check, `no check for ${id}`).toBeDefined();
      await check?.(await runExample(example), example);
    },
    10_000,
  );
});
