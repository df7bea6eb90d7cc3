import { describe, expect, test } from 'vitest';
import { CACHE_DEFAULT_TTL_MS, createActionApi } from './createActionApi';
import { actionOutcome } from './actionOutcome';
import { getActionTrigger } from './actionTriggers';
import { getPoint } from '../points';
import type { PointId } from '../schemas';

// Each api method's recorded call and its effect on the hook-equivalent outcome
// (docs/runtime-semantics.md §18.3, §18.4).

type Fn = (...args: unknown[]) => unknown;
const at = (api: Record<string, unknown>, path: string): Fn =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as Fn;

function setup(id: PointId, clock = () => 1_000) {
  let time = 10;
  const made = createActionApi(getActionTrigger(id), { now: () => time, start: 0, clock });
  const call = (path: string, ...args: unknown[]) => {
    time += 1;
    return at(made.api, path.replace(/^api\./, ''))(...args);
  };
  const outcome = () => actionOutcome(id, getPoint(id).defaultPayload, made.state);
  return { ...made, call, outcome };
}

describe('createActionApi: pre-user-registration', () => {
  test('setUserMetadata / setAppMetadata: recorded in order, last value per key wins', () => {
    const run = setup('pre-user-registration');
    run.call('api.user.setUserMetadata', 'plan', 'silver');
    run.call('api.user.setAppMetadata', 'vip', true);
    run.call('api.user.setUserMetadata', 'plan', { tier: 'gold' });
    expect(run.calls).toEqual([
      { seq: 0, method: 'api.user.setUserMetadata', args: ['plan', 'silver'], timeMs: 11 },
      { seq: 1, method: 'api.user.setAppMetadata', args: ['vip', true], timeMs: 12 },
      { seq: 2, method: 'api.user.setUserMetadata', args: ['plan', { tier: 'gold' }], timeMs: 13 },
    ]);
    expect(run.outcome()).toEqual({
      status: 'succeeded',
      response: {
        user: { user_metadata: { plan: { tier: 'gold' } }, app_metadata: { vip: true } },
      },
    });
  });

  test('the metadata methods and deny answer with the api, so calls chain', () => {
    const run = setup('pre-user-registration');
    expect(run.call('api.user.setUserMetadata', 'a', 1)).toBe(run.api);
    expect(run.call('api.access.deny', 'r')).toBe(run.api);
  });

  test('deny wins over metadata set before or after it; later calls are still recorded', () => {
    const run = setup('pre-user-registration');
    run.call('api.user.setUserMetadata', 'a', 1);
    run.call('api.access.deny', 'internal reason', 'You may not sign up');
    run.call('api.user.setUserMetadata', 'b', 2);
    run.call('api.access.deny', 'second');
    expect(run.calls.map((c) => c.method)).toEqual([
      'api.user.setUserMetadata',
      'api.access.deny',
      'api.user.setUserMetadata',
      'api.access.deny',
    ]);
    expect(run.outcome()).toEqual({
      status: 'failed',
      kind: 'callback-error',
      error: {
        name: 'PreUserRegistrationError',
        message: 'internal reason',
        friendlyMessage: 'You may not sign up',
        ownKeys: ['stack', 'message', 'name', 'friendlyMessage'],
      },
    });
  });

  test('deny without a user message shows the reason, as the hook’s class did', () => {
    const run = setup('pre-user-registration');
    run.call('api.access.deny', 'closed');
    expect(run.outcome()).toMatchObject({
      error: { message: 'closed', friendlyMessage: 'closed' },
    });
  });

  test('validation.error denies with its message as both reason and user message', () => {
    const run = setup('pre-user-registration');
    run.call('api.validation.error', 'invalid_email', 'Use your work email');
    expect(run.calls[0]).toMatchObject({ args: ['invalid_email', 'Use your work email'] });
    expect(run.outcome()).toMatchObject({
      status: 'failed',
      error: { message: 'Use your work email', friendlyMessage: 'Use your work email' },
    });
  });

  test('metadata set to undefined is not set, as JSON would drop it', () => {
    const run = setup('pre-user-registration');
    run.call('api.user.setUserMetadata', 'a', undefined);
    expect(run.outcome()).toEqual({ status: 'succeeded', response: {} });
  });
});

describe('createActionApi: credentials-exchange', () => {
  test('setCustomClaim adds each claim to the payload’s scope', () => {
    const run = setup('credentials-exchange');
    run.call('api.accessToken.setCustomClaim', 'https://x/plan', 'full');
    run.call('api.accessToken.setCustomClaim', 'https://x/n', 2);
    expect(run.outcome()).toEqual({
      status: 'succeeded',
      response: { scope: ['read:connections'], 'https://x/plan': 'full', 'https://x/n': 2 },
    });
  });

  test.each([
    ['invalid_scope', 'InvalidScopeError'],
    ['invalid_request', 'InvalidRequestError'],
    ['server_error', 'ServerError'],
  ])('deny(%s, reason) fails like cb(new %s(reason))', (code, name) => {
    const run = setup('credentials-exchange');
    run.call('api.access.deny', code, 'No token for you');
    expect(run.outcome()).toEqual({
      status: 'failed',
      kind: 'callback-error',
      error: { name, message: 'No token for you', ownKeys: ['stack', 'message', 'name'] },
    });
  });

  test('deny with an undocumented code is a TypeError, still recorded', () => {
    const run = setup('credentials-exchange');
    expect(() => run.call('api.access.deny', 'access_denied', 'x')).toThrow(TypeError);
    expect(run.calls).toHaveLength(1);
    expect(run.state.denial).toBeUndefined();
  });
});

describe('createActionApi: api.cache and absent methods', () => {
  test('get answers {value, expires_at} or undefined; set and delete answer success', () => {
    let wall = 1_000;
    const run = setup('post-user-registration', () => wall);
    expect(run.call('api.cache.get', 'k')).toBeUndefined();
    expect(run.call('api.cache.set', 'k', 'v')).toEqual({ type: 'success' });
    expect(run.call('api.cache.get', 'k')).toEqual({
      value: 'v',
      expires_at: 1_000 + CACHE_DEFAULT_TTL_MS,
    });
    run.call('api.cache.set', 'short', 'v', { ttl: 50, expires_at: 5_000 });
    wall = 1_050;
    expect(run.call('api.cache.get', 'short')).toBeUndefined();
    expect(run.call('api.cache.delete', 'k')).toEqual({ type: 'success' });
    expect(run.call('api.cache.get', 'k')).toBeUndefined();
    expect(run.calls.map((c) => c.method)).toEqual([
      'api.cache.get',
      'api.cache.set',
      'api.cache.get',
      'api.cache.set',
      'api.cache.get',
      'api.cache.delete',
      'api.cache.get',
    ]);
    expect(run.outcome()).toEqual({ status: 'succeeded' });
  });

  test('only the trigger’s documented methods exist', () => {
    expect(Object.keys(setup('send-phone-message').api)).toEqual(['cache']);
    expect(Object.keys(setup('credentials-exchange').api)).toEqual([
      'access',
      'accessToken',
      'cache',
    ]);
    const pre = setup('pre-user-registration').api;
    expect(Object.keys(pre)).toEqual(['access', 'cache', 'user', 'validation']);
    expect((pre.user as Record<string, unknown>).setAppMetadata).toBeTypeOf('function');
  });
});
