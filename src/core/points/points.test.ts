import { describe, expect, test } from 'vitest';
import { getPoint, points } from './index';
import { validateBody } from '../validateBody';
import type { PointId } from '../schemas';

const message = (id: PointId, body: unknown) => {
  const result = validateBody(getPoint(id), body);
  return result.ok ? 'ok' : result.message;
};

describe('registry', () => {
  test('five points in Dashboard order with their labels', () => {
    expect(points.map((p) => [p.id, p.label])).toEqual([
      ['credentials-exchange', 'Client Credentials Exchange'],
      ['pre-user-registration', 'Pre-User Registration'],
      ['post-user-registration', 'Post-User Registration'],
      ['post-change-password', 'Post Change Password'],
      ['send-phone-message', 'Send Phone Message'],
    ]);
  });

  test('getPoint throws on an unknown id', () => {
    expect(() => getPoint('password-exchange' as PointId)).toThrow(
      'Unknown extensibility point: password-exchange',
    );
  });

  test.each(points.map((p) => [p.id, p] as const))('%s: default payload passes', (_id, point) => {
    expect(validateBody(point, point.defaultPayload)).toEqual({
      ok: true,
      body: point.defaultPayload,
    });
  });

  test('the credentials-exchange payload carries the token request as context.body', () => {
    expect(getPoint('credentials-exchange').defaultPayload).toMatchObject({
      audience: 'https://my-tenant.auth0.com/api/v2/',
      client: { id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' },
      context: {
        body: {
          grant_type: 'client_credentials',
          client_id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
          audience: 'https://my-tenant.auth0.com/api/v2/',
          scope: 'read:connections',
        },
      },
    });
  });

  test('each starter code is its own point’s, with a JSDoc @param block', () => {
    for (const point of points) {
      const signature = `module\\.exports = function ?\\(${point.params.join(', ')}\\)`;
      expect(point.starterCode).toMatch(new RegExp(signature));
      expect(point.starterCode).toMatch(/^\/\*\*\n@param /);
    }
    expect(getPoint('credentials-exchange').starterCode).toContain('access_token.scope = scope;');
  });

  test('responseUse, continuation and error classes', () => {
    expect(points.map((p) => [p.responseUse, p.continuesAfterCallback, p.errorClasses])).toEqual([
      ['access-token-claims', false, ['InvalidRequestError', 'InvalidScopeError', 'ServerError']],
      ['merged-user', false, ['PreUserRegistrationError']],
      ['ignored', true, ['PreUserRegistrationError']],
      ['ignored', true, ['PreUserRegistrationError']],
      ['not-used', false, ['SendPhoneMessageError']],
    ]);
  });
});

// Expected messages are the platform's answers (the platform oracle: auth0-ext-compilers 6.1.0).
describe('credentials-exchange body', () => {
  const ok = { client: {}, audience: 'x' };
  test.each([
    ['a string body', 'str', 'Body received by extensibility point is not an object'],
    ['an array body', [1], 'Body .client received by extensibility point is not an object'],
    ['a null body (platform crash)', null, "Cannot read properties of null (reading 'client')"],
    [
      'no client',
      { audience: 'x', scope: 'read' },
      'Body .client received by extensibility point is not an object',
    ],
    [
      'a string scope',
      { ...ok, scope: 'read' },
      'Body .scope received by extensibility point is neither empty nor an array',
    ],
    [
      'an object scope',
      { ...ok, scope: {} },
      'Body .scope received by extensibility point is neither empty nor an array',
    ],
    [
      'no audience',
      { client: {}, scope: ['a'] },
      'Body .audience received by extensibility point is not a string',
    ],
    [
      'a null context (platform crash)',
      { ...ok, context: null },
      "Cannot set properties of null (setting 'webtask')",
    ],
  ])('%s', (_label, body, expected) => {
    expect(message('credentials-exchange', body)).toBe(expected);
  });

  test.each([false, 0, ''])('a falsy body %j is read as null (oracle)', (body) => {
    expect(message('credentials-exchange', body)).toBe(
      "Cannot read properties of null (reading 'client')",
    );
  });

  test.each([
    ['client null', { client: null, audience: 'x' }],
    ['client array, empty scope', { client: [], audience: 'x', scope: '' }],
    ['scope 0', { ...ok, scope: 0 }],
    ['context a string', { ...ok, context: 's' }],
    ['unknown keys', { ...ok, extra: true }],
  ])('accepts %s, as the platform did', (_label, body) => {
    expect(message('credentials-exchange', body)).toBe('ok');
  });
});

describe('user points body', () => {
  test.each(['pre-user-registration', 'post-user-registration', 'post-change-password'] as const)(
    '%s',
    (id) => {
      expect(message(id, null)).toBe('Body received by extensibility point is not an object');
      expect(message(id, [])).toBe('Body.user received by extensibility point is not an object');
      expect(message(id, { context: {} })).toBe(
        'Body.user received by extensibility point is not an object',
      );
      expect(message(id, { user: {} })).toBe(
        'Body.context received by extensibility point is not an object',
      );
      expect(message(id, { user: {}, context: null })).toBe(
        'Body.context received by extensibility point is not an object',
      );
      expect(message(id, { user: {}, context: { connection: 'x' } })).toBe(
        'Body.context.connection received by extensibility point is not an object',
      );
      expect(message(id, { user: [], context: { connection: {} } })).toBe('ok');
    },
  );
});

describe('send-phone-message body', () => {
  const context = {
    message_type: 'sms',
    action: 'enrollment',
    language: 'en',
    code: '1',
    ip: 'i',
    user_agent: 'u',
    user: {},
  };
  const body = (patch: Record<string, unknown>) => ({
    recipient: '1',
    text: 't',
    context: { ...context, ...patch },
  });
  const spm = (b: unknown) => message('send-phone-message', b);
  const notString = (path: string) => `${path} received by extensibility point is not a string`;

  test('top-level checks in order', () => {
    expect(spm({ text: 't', context })).toBe(notString('Body.recipient'));
    expect(spm({ recipient: '1', text: 1, context })).toBe(notString('Body.text'));
    expect(spm({ recipient: '1', text: 't' })).toBe(
      'Body.context received by extensibility point is not an object',
    );
    expect(spm({ recipient: '1', text: 't', context: [] })).toBe(
      'Body.context.message_type received by extensibility point is not `sms` or `voice`',
    );
    expect(spm({ recipient: '1', text: 't', context: null })).toBe(
      "Cannot read properties of null (reading 'message_type')",
    );
  });

  test.each([
    [
      { message_type: 'email' },
      'Body.context.message_type received by extensibility point is not `sms` or `voice`',
    ],
    [
      { action: 'x' },
      'Body.context.action received by extensibility point is not `enrollment` or `second-factor-authentication`',
    ],
    [{ language: 1 }, notString('Body.context.language')],
    [{ code: null }, notString('Body.context.code')],
    [{ ip: null }, notString('Body.context.ip')],
    [{ user_agent: null }, notString('Body.context.user_agent')],
    [{ client: 'x' }, 'Body.context.client received by extensibility point is not an object'],
    [{ client: null }, "Cannot read properties of null (reading 'client_id')"],
    [{ client: {} }, notString('Body.context.client.client_id')],
    [{ client: { client_id: 'a' } }, notString('Body.context.client.name')],
    [
      { client: { client_id: 'a', name: 'n', client_metadata: 'x' } },
      'Body.context.client.client_metadata received by extensibility point is not an object',
    ],
    [{ user: 'x' }, 'Body.context.user received by extensibility point is not an object'],
    [{ user: undefined }, 'Body.context.user received by extensibility point is not an object'],
    [{ client: { client_id: 'a', name: 'n', client_metadata: null } }, 'ok'],
    [{ user: null }, 'ok'],
    [{ message_type: 'voice', action: 'second-factor-authentication' }, 'ok'],
  ])('%j → %s', (patch, expected) => {
    expect(spm(body(patch))).toBe(expected);
  });

  test('the first failing check wins', () => {
    expect(spm(body({ action: 'x', code: 1 }))).toBe(
      'Body.context.action received by extensibility point is not `enrollment` or `second-factor-authentication`',
    );
  });
});
