import { describe, expect, test } from 'vitest';
import { compareRuns, type RunSide } from './compareRuns';
import type { JsonValue, PointId, RunOutcome } from '../schemas';
import type { OutboundEntry } from '../networkSchemas';
import { failed, http, sdkCall, succeeded } from '../testCases/testRun.testSupport';

const SIGNUP: JsonValue = { user: { email: 'a@b.c', user_metadata: { lang: 'en' } } };

const side = (outcome: RunOutcome | undefined, requests: OutboundEntry[] = []): RunSide => ({
  outcome,
  requests,
});

function compare(
  hook: RunSide,
  action: RunSide,
  point: PointId = 'pre-user-registration',
  payload: JsonValue = SIGNUP,
) {
  return compareRuns({ point, payload, hook, action });
}

const texts = (hook: RunSide, action: RunSide, point?: PointId) =>
  compare(hook, action, point).differences.map((difference) => difference.text);

const metadata = (user_metadata: JsonValue, app_metadata?: JsonValue): RunOutcome =>
  succeeded({ user: { user_metadata, ...(app_metadata === undefined ? {} : { app_metadata }) } });

describe('compareRuns: equivalent runs', () => {
  test('the same answer and the same requests are equivalent', () => {
    const run = side(metadata({ plan: 'gold' }), [http('POST', 'https://a.example', '{"x":1}')]);
    expect(compare(run, run)).toEqual({ equivalent: true, differences: [] });
  });

  test('durations, request timings, headers, answers and JSON spacing do not count', () => {
    const hook = side({ ...metadata({ plan: 'gold' }), durationMs: 3 }, [
      http('POST', 'https://a.example', '{"x":1,"y":[1,2]}'),
    ]);
    const action = side({ ...metadata({ plan: 'gold' }), durationMs: 900 }, [
      {
        ...http('post', 'https://a.example', '{ "y": [1, 2], "x": 1 }'),
        timeMs: 40,
        client: 'axios',
        answeredBy: 'blocked',
        requestHeaders: { 'user-agent': 'axios' },
      },
    ]);
    expect(compare(hook, action).equivalent).toBe(true);
  });

  test("a pre-user-registration response's fields the platform ignores do not count", () => {
    const hook = side(
      succeeded({ user: { user_metadata: { plan: 'gold' }, name: 'X' }, extra: 1 }),
    );
    expect(compare(hook, side(metadata({ plan: 'gold' }))).equivalent).toBe(true);
  });

  test('setting a metadata key to the value the user already has is no difference', () => {
    expect(compare(side(metadata({ lang: 'en' })), side(succeeded({}))).equivalent).toBe(true);
  });

  test("post-* points: success against failure and the responses are only logged, so they don't count", () => {
    for (const point of ['post-user-registration', 'post-change-password'] as const) {
      const hook = side(succeeded({ anything: true }));
      expect(compare(hook, side(failed('Error', 'boom', 'thrown')), point).equivalent).toBe(true);
      expect(compare(hook, side({ status: 'timed-out', durationMs: 5 }), point).equivalent).toBe(
        true,
      );
    }
  });

  test('send-phone-message: the response is not used, so two answers that both send are equal', () => {
    const hook = side(succeeded({ provider: 'a' }));
    expect(compare(hook, side(succeeded()), 'send-phone-message').equivalent).toBe(true);
  });
});

describe('compareRuns: outcome', () => {
  test('denied against allowed, both ways', () => {
    const denied = side(failed('PreUserRegistrationError', 'no', 'callback-error', 'No.'));
    const allowed = side(succeeded({}));
    expect(texts(denied, allowed)).toEqual(['denied by the hook, allowed by the action']);
    expect(texts(allowed, denied)).toEqual(['allowed by the hook, denied by the action']);
    expect(compare(denied, allowed).differences[0]).toEqual({
      kind: 'outcome',
      text: 'denied by the hook, allowed by the action',
    });
  });

  test('a timeout, a crash or no result against an answer', () => {
    const timedOut = side({ status: 'timed-out', durationMs: 20_000 });
    const crashed = side({ status: 'crashed', durationMs: 1, message: 'out of memory' });
    expect(texts(timedOut, side(succeeded({})))).toEqual([
      'the hook timed out, the action succeeded',
    ]);
    expect(texts(side(failed('Error', 'x')), crashed)).toEqual([
      'the hook failed, the action crashed',
    ]);
    expect(texts(side(succeeded({})), side(undefined))).toEqual([
      'the hook succeeded, the action did not finish',
    ]);
  });

  test('send-phone-message: sent against not sent', () => {
    const notSent = side(failed('SendPhoneMessageError', 'voice', 'callback-error', 'SMS only'));
    expect(texts(side(succeeded()), notSent, 'send-phone-message')).toEqual([
      'sent by the hook, not sent by the action',
    ]);
  });

  test('when the outcomes differ, the metadata of the one that succeeded is not listed too', () => {
    const result = compare(side(metadata({ plan: 'gold' })), side(failed('Error', 'x', 'thrown')));
    expect(result.differences.map((d) => d.kind)).toEqual(['outcome']);
  });
});

describe('compareRuns: metadata of the merged user', () => {
  test('a value set only by the hook, changed, and set only by the action', () => {
    const hook = side(metadata({ plan: 'gold', tier: 1 }));
    const action = side(metadata({ tier: 2 }, { vip: true }));
    expect(compare(hook, action).differences).toEqual([
      {
        kind: 'metadata',
        path: 'user_metadata.plan',
        text: "user_metadata.plan: hook 'gold', action — not set",
      },
      {
        kind: 'metadata',
        path: 'user_metadata.tier',
        text: 'user_metadata.tier: hook 1, action 2',
      },
      {
        kind: 'metadata',
        path: 'app_metadata.vip',
        text: 'app_metadata.vip: hook — not set, action true',
      },
    ]);
  });

  test('nested values are compared leaf by leaf', () => {
    const hook = side(metadata({ address: { city: 'Paris', zip: '75001' } }));
    const action = side(metadata({ address: { city: 'Lyon', zip: '75001' } }));
    expect(texts(hook, action)).toEqual([
      "user_metadata.address.city: hook 'Paris', action 'Lyon'",
    ]);
  });
});

describe('compareRuns: claims', () => {
  const token = (claims: Record<string, JsonValue>) => side(succeeded(claims));
  const texts = (hook: RunSide, action: RunSide) =>
    compare(hook, action, 'credentials-exchange', {}).differences;

  test('a claim only in one, a claim with another value, and the scope', () => {
    const hook = token({ scope: ['read'], 'https://x/y': 1, 'https://x/z': 'a' });
    const action = token({ scope: ['read', 'write'], 'https://x/y': 2, 'https://x/w': true });
    expect(texts(hook, action)).toEqual([
      { kind: 'claim', path: 'scope', text: 'claim scope: hook ["read"], action ["read","write"]' },
      { kind: 'claim', path: 'https://x/y', text: 'claim https://x/y: hook 1, action 2' },
      { kind: 'claim', path: 'https://x/z', text: 'claim https://x/z only in the hook' },
      { kind: 'claim', path: 'https://x/w', text: 'claim https://x/w only in the action' },
    ]);
  });

  test('a claim the platform drops, answered by one side only', () => {
    const hook = token({ plan: 'free' });
    const action = token({ 'https://auth0.com/roles': ['admin'] });
    expect(texts(hook, action).map((difference) => difference.text)).toEqual([
      'dropped claim plan (not namespaced (must be an http or https URL)) only in the hook',
      'dropped claim https://auth0.com/roles (reserved domain auth0.com) only in the action',
    ]);
  });
});

describe('compareRuns: denial', () => {
  test('the message to the user and the logged reason', () => {
    const hook = side(
      failed('PreUserRegistrationError', 'Denied gmail.com', 'callback-error', 'A'),
    );
    const action = side(failed('PreUserRegistrationError', 'Denied', 'callback-error', 'B'));
    expect(compare(hook, action).differences).toEqual([
      { kind: 'denial', text: "message to the user: hook 'A', action 'B'" },
      { kind: 'denial', text: "logged reason: hook 'Denied gmail.com', action 'Denied'" },
    ]);
  });

  test('a thrown error carries no message to the user', () => {
    const hook = side(
      failed('PreUserRegistrationError', 'x', 'callback-error', 'Please use work email'),
    );
    const action = side(failed('PreUserRegistrationError', 'x', 'thrown', 'Please use work email'));
    expect(texts(hook, action)).toEqual([
      "message to the user: hook 'Please use work email', action — none",
    ]);
  });

  test('the OAuth error: status, error and description', () => {
    const hook = side(failed('InvalidScopeError', 'Scope write is not permitted'));
    const action = side(failed('ServerError', 'Scope write is not allowed'));
    expect(texts(hook, action, 'credentials-exchange')).toEqual([
      'OAuth error: hook 400 invalid_scope, action 500 server_error',
      "OAuth error description: hook 'Scope write is not permitted', action 'Scope write is not allowed'",
    ]);
  });
});

describe('compareRuns: outbound requests', () => {
  test('a request only in one side, and another method or URL', () => {
    const hook = side(succeeded({}), [http('POST', 'https://a'), http('GET', 'https://b')]);
    const action = side(succeeded({}), [http('PUT', 'https://a')]);
    expect(compare(hook, action).differences).toEqual([
      { kind: 'request', text: 'request 1: hook POST https://a, action PUT https://a' },
      { kind: 'request', text: 'request 2: hook GET https://b, action — none' },
    ]);
  });

  test('a body that differs, field by field or as text', () => {
    const json = texts(
      side(succeeded({}), [http('POST', 'https://a', '{"text":"New user","n":1}')]),
      side(succeeded({}), [http('POST', 'https://a', '{"text":"New user!","n":1}')]),
    );
    expect(json).toEqual([`request 1 body differs: text: hook 'New user', action 'New user!'`]);
    const plain = texts(
      side(succeeded({}), [http('POST', 'https://a', 'a=1')]),
      side(succeeded({}), [http('POST', 'https://a')]),
    );
    expect(plain).toEqual([`request 1 body differs: hook 'a=1', action — none`]);
  });

  test('SDK calls are compared by call and arguments', () => {
    const call = (args: JsonValue[]) => ({ ...sdkCall('twilio(…).messages.create'), args });
    const hook = side(succeeded(), [call([{ to: '1' }])]);
    expect(texts(hook, side(succeeded(), [call([{ to: '2' }])]), 'send-phone-message')).toEqual([
      "request 1 body differs: args[0].to: hook '1', action '2'",
    ]);
    expect(texts(hook, side(succeeded(), []), 'send-phone-message')).toEqual([
      'request 1: hook twilio(…).messages.create, action — none',
    ]);
  });

  test('requests are compared at post-* points too', () => {
    const hook = side(succeeded(), [http('POST', 'https://hooks.slack.com/x')]);
    expect(texts(hook, side(succeeded()), 'post-user-registration')).toEqual([
      'request 1: hook POST https://hooks.slack.com/x, action — none',
    ]);
  });
});
