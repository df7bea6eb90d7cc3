import { describe, expect, test } from 'vitest';
import { actionTriggers, getActionTrigger } from './actionTriggers';
import { points } from '../points';
import type { PointId } from '../schemas';

// The documented trigger of each hook point (docs/runtime-semantics.md §18.1).

describe('actionTriggers', () => {
  test('one v2 trigger per hook point, same ids, with the platform’s export names', () => {
    expect(actionTriggers.map((t) => [t.id, t.version, t.exportName])).toEqual([
      ['credentials-exchange', 'v2', 'onExecuteCredentialsExchange'],
      ['pre-user-registration', 'v2', 'onExecutePreUserRegistration'],
      ['post-user-registration', 'v2', 'onExecutePostUserRegistration'],
      ['post-change-password', 'v2', 'onExecutePostChangePassword'],
      ['send-phone-message', 'v2', 'onExecuteSendPhoneMessage'],
    ]);
    expect(actionTriggers.map((t) => t.id)).toEqual(points.map((p) => p.id));
  });

  test('only the documented api methods per trigger', () => {
    const cache = ['api.cache.delete', 'api.cache.get', 'api.cache.set'];
    expect(getActionTrigger('credentials-exchange').methods).toEqual([
      'api.access.deny',
      'api.accessToken.setCustomClaim',
      ...cache,
    ]);
    expect(getActionTrigger('pre-user-registration').methods).toEqual([
      'api.access.deny',
      ...cache,
      'api.user.setAppMetadata',
      'api.user.setUserMetadata',
      'api.validation.error',
    ]);
    for (const id of ['post-user-registration', 'post-change-password', 'send-phone-message']) {
      expect(getActionTrigger(id as PointId).methods).toEqual(cache);
    }
  });

  test('each starter code assigns its trigger’s export as an async (event, api) handler', () => {
    for (const trigger of actionTriggers) {
      expect(trigger.starterCode).toContain(
        `exports.${trigger.exportName} = async (event, api) => {`,
      );
      expect(trigger.starterCode).toContain(`@param {${trigger.apiTypeName}} api`);
    }
  });

  test('getActionTrigger throws on an unknown id', () => {
    expect(() => getActionTrigger('post-login' as PointId)).toThrow(
      'Unknown Action trigger: post-login',
    );
  });
});
