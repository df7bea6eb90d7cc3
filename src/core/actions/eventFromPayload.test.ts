import { describe, expect, test } from 'vitest';
import { eventFromPayload } from './eventFromPayload';
import { getPoint } from '../points';
import type { PointId } from '../schemas';

// The hook's Runner payload as each trigger's `event` (docs/runtime-semantics.md §18.2): renamed
// to the Action's fields, nothing the payload lacks invented.

const SECRETS = { API_KEY: 's3cret' };
const eventOf = (id: PointId) => eventFromPayload(id, getPoint(id).defaultPayload, SECRETS);

describe('eventFromPayload', () => {
  test('pre-user-registration: user in snake_case without the password, connection, tenant, language', () => {
    expect(eventOf('pre-user-registration')).toEqual({
      user: {
        username: 'user1',
        email: 'user1@foo.com',
        email_verified: false,
        phone_number: '1-000-000-0000',
        phone_verified: false,
        user_metadata: { hobby: 'surfing' },
        app_metadata: { plan: 'full' },
      },
      connection: { id: 'con_xxxxxxxxxxxxxxxx', name: 'Username-Password-Authentication' },
      tenant: { id: 'my-tenant' },
      request: { language: 'en-us' },
      secrets: SECRETS,
    });
  });

  test('post-user-registration: the same mapping, user.id as user_id when the payload has one', () => {
    const payload = getPoint('post-user-registration').defaultPayload as { user: object };
    const event = eventFromPayload(
      'post-user-registration',
      { ...payload, user: { ...payload.user, id: 'auth0|1' } } as never,
      {},
    );
    expect(event.user).toEqual({
      user_id: 'auth0|1',
      username: 'user1',
      email: 'user1@foo.com',
      email_verified: true,
      phone_number: '1-000-000-0000',
      phone_verified: true,
      user_metadata: { hobby: 'surfing' },
      app_metadata: { plan: 'full' },
    });
    expect(Object.keys(event)).toEqual(['user', 'connection', 'tenant', 'request', 'secrets']);
  });

  test('post-change-password: user with last_password_reset; tenant from the connection; no request', () => {
    expect(eventOf('post-change-password')).toEqual({
      user: {
        user_id: 'abc123',
        username: 'user1',
        email: 'user1@foo.com',
        last_password_reset: '2019-02-27T14:14:29.206Z',
      },
      connection: { id: 'con_xxxxxxxxxxxxxxxx', name: 'Username-Password-Authentication' },
      tenant: { id: 'my-tenant' },
      secrets: SECRETS,
    });
  });

  test('credentials-exchange: accessToken with the scope, client, resource_server from the audience', () => {
    expect(eventOf('credentials-exchange')).toEqual({
      accessToken: { customClaims: {}, scope: ['read:connections'] },
      client: {
        client_id: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        name: 'client-name',
        metadata: { plan: 'full' },
      },
      resource_server: { identifier: 'https://my-tenant.auth0.com/api/v2/' },
      tenant: { id: 'my-tenant' },
      secrets: SECRETS,
    });
    const noScope = eventFromPayload('credentials-exchange', { client: {}, audience: 'a' }, {});
    expect(noScope).toEqual({
      accessToken: { customClaims: {} },
      resource_server: { identifier: 'a' },
      secrets: {},
    });
  });

  test('send-phone-message: message_options, request, client (metadata) and user', () => {
    expect(eventOf('send-phone-message')).toEqual({
      message_options: {
        action: 'enrollment',
        code: '123456',
        message_type: 'sms',
        recipient: '1-808-555-5555',
        text: 'Here is your one time password: 999111',
      },
      client: { client_id: '1235', name: 'Test Application', metadata: {} },
      request: { ip: '127.0.0.1', language: 'en', user_agent: 'Mozilla/5.0' },
      user: {
        user_id: 'auth0|test12345',
        name: 'Billie Magnusson',
        email: 'billie@email.com',
        app_metadata: {},
        user_metadata: {},
      },
      secrets: SECRETS,
    });
  });

  test('the event is a copy: mutating it leaves the payload intact', () => {
    const payload = getPoint('pre-user-registration').defaultPayload;
    const before = JSON.stringify(payload);
    const event = eventFromPayload('pre-user-registration', payload, {});
    (event.user as { user_metadata: Record<string, unknown> }).user_metadata.x = 1;
    expect(JSON.stringify(payload)).toBe(before);
  });
});
