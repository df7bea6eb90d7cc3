import { describe, expect, it } from 'vitest';
import type { PointId } from '../core/schemas';
import { newHook, starterHookDraft } from './newHook';
import { exportedParams, pointChangeMismatch, signatureFits } from './signatureFits';

const USER = 'module.exports = function (user, context, cb) { cb(); };';
const SMS = 'module.exports = function (recipient, text, context, cb) { cb(); };';
const CCE = 'module.exports = (client, scope, audience, context, cb) => cb(null, {});';

const hookWith = (pointId: PointId, code: string) => {
  const hook = newHook({ id: 'h', pointId, name: 'Mine', now: 1 });
  return { ...hook, draft: { ...hook.draft, code } };
};

describe('exportedParams', () => {
  it('reads the exported function’s parameters, however it is exported', () => {
    expect(exportedParams(USER)).toEqual(['user', 'context', 'cb']);
    expect(exportedParams(CCE)).toEqual(['client', 'scope', 'audience', 'context', 'cb']);
    expect(exportedParams('function hook(a, b = 1) {}\nmodule.exports = hook;')).toEqual([
      'a',
      'b',
    ]);
  });

  it('names destructured and rest parameters by their shape', () => {
    expect(exportedParams('module.exports = function ({ id }, [x], ...rest) {};')).toEqual([
      '{…}',
      '[…]',
      '...rest',
    ]);
  });

  it('gives undefined for code that does not parse or exports no function', () => {
    expect(exportedParams('module.exports = function (user, {')).toBeUndefined();
    expect(exportedParams('const x = 1;')).toBeUndefined();
  });
});

describe('signatureFits', () => {
  it('fits a point that passes as many arguments, the callback last', () => {
    expect(signatureFits(USER, 'post-change-password')).toBe(true);
    expect(signatureFits(SMS, 'send-phone-message')).toBe(true);
    expect(signatureFits(CCE, 'credentials-exchange')).toBe(true);
  });

  it('does not fit a point whose callback would land elsewhere', () => {
    expect(signatureFits(USER, 'send-phone-message')).toBe(false);
    expect(signatureFits(USER, 'credentials-exchange')).toBe(false);
    expect(signatureFits(SMS, 'pre-user-registration')).toBe(false);
  });

  it('does not judge what it cannot read, and a rest parameter takes anything', () => {
    expect(signatureFits('module.exports = function (user, {', 'send-phone-message')).toBe(true);
    expect(signatureFits('module.exports = (...args) => {};', 'send-phone-message')).toBe(true);
  });

  it('agrees with every point’s own starter code', () => {
    for (const pointId of [
      'credentials-exchange',
      'pre-user-registration',
      'send-phone-message',
    ] as const) {
      expect(signatureFits(starterHookDraft(pointId).code, pointId)).toBe(true);
    }
  });
});

describe('pointChangeMismatch', () => {
  it('asks nothing for starter code (it follows the point) or for code that fits', () => {
    const starter = hookWith(
      'pre-user-registration',
      starterHookDraft('pre-user-registration').code,
    );
    expect(pointChangeMismatch(starter, 'send-phone-message')).toBeNull();
    expect(
      pointChangeMismatch(hookWith('pre-user-registration', USER), 'post-change-password'),
    ).toBeNull();
    expect(
      pointChangeMismatch(hookWith('pre-user-registration', USER), 'pre-user-registration'),
    ).toBeNull();
  });

  it('names the code’s parameters and the new point’s when they do not fit', () => {
    expect(
      pointChangeMismatch(hookWith('pre-user-registration', USER), 'send-phone-message'),
    ).toEqual({
      codeParams: ['user', 'context', 'cb'],
      pointParams: ['recipient', 'text', 'context', 'cb'],
    });
  });
});
