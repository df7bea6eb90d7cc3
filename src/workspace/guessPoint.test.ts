import { describe, expect, test } from 'vitest';
import { points } from '../core/points';
import { guessPoint } from './guessPoint';

describe('guessPoint', () => {
  test.each(points.map((point) => [point.id, point.starterCode]))(
    'recognises the %s starter code',
    (pointId, code) => {
      expect(guessPoint(code)).toBe(pointId);
    },
  );

  test('reads arrows, async functions and named exports', () => {
    expect(guessPoint('module.exports = async (client, scope, audience, context, cb) => {};')).toBe(
      'credentials-exchange',
    );
    expect(
      guessPoint('function send(to, body, ctx, done) { done(null, {}); }\nmodule.exports = send;'),
    ).toBe('send-phone-message');
    expect(
      guessPoint('exports = module.exports = function (recipient, text, context, cb) {};'),
    ).toBe('send-phone-message');
  });

  test('the three user points share a signature: the body decides', () => {
    const hook = (body: string) => `module.exports = function (user, context, cb) {\n${body}\n};`;
    expect(guessPoint(hook('cb(null, { user: { user_metadata: { a: 1 } } });'))).toBe(
      'pre-user-registration',
    );
    expect(guessPoint(hook('var response = {}; response.user = user; cb(null, response);'))).toBe(
      'pre-user-registration',
    );
    expect(guessPoint(hook('console.log(context.connection.name); cb();'))).toBe(
      'post-user-registration',
    );
    expect(guessPoint(hook('notify(user.id); cb(null);'))).toBe('post-user-registration');
    expect(guessPoint(hook('log(user.last_password_reset); cb();'))).toBe('post-change-password');
    // Nothing to tell them apart: the first of the three.
    expect(guessPoint(hook('cb();'))).toBe('pre-user-registration');
  });

  test('comments do not count as code, but a starter-like comment helps', () => {
    const commentedOut = `module.exports = function (user, context, cb) {
  // response.user = { user_metadata: {} };
  console.log(context.connection.id);
  cb();
};`;
    expect(guessPoint(commentedOut)).toBe('post-user-registration');
    expect(
      guessPoint(
        '/** @param {object} user - The user being created */\nmodule.exports = function (u, c, cb) { cb(); };',
      ),
    ).toBe('pre-user-registration');
  });

  test('code that does not parse is read textually', () => {
    expect(guessPoint('module.exports = function (client, scope, audience, context, cb) {')).toBe(
      'credentials-exchange',
    );
    expect(guessPoint('module.exports = function (user, context, cb) { cb(null, {user: }); ')).toBe(
      'pre-user-registration',
    );
    expect(
      guessPoint('module.exports = function (user, context, cb) { context.connection; cb(); '),
    ).toBe('post-user-registration');
    expect(guessPoint('')).toBe('pre-user-registration');
  });
});
