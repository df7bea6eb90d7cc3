import type { HookExample } from './types';

// Post Change Password: asynchronous; errors are only logged (docs/runtime-semantics.md §7, §8.3).

const timerThrow: HookExample = {
  id: 'post-change-password-throw-in-timer',
  point: 'post-change-password',
  title: 'Error thrown inside a timer',
  description:
    'An exception thrown from an asynchronous callback is not caught by the hook: on the platform it escaped and crashed the request. Hookpad reports it with its line.',
  code: `// Stand-in for the session service (Hookpad has no network): it is down.
function revokeOtherSessions(userId, done) {
  setTimeout(function () {
    done({ status: 503 });
  }, 20);
}

module.exports = function (user, context, cb) {
  revokeOtherSessions(user.id, function (response) {
    if (response.status !== 200) {
      throw new Error('Session service answered ' + response.status);
    }
    cb();
  });
};
`,
  expected:
    'Fails: the timer callback throws "Session service answered 503" on line 11 (on the platform the exception crashed the request)',
};

const missingVersioned: HookExample = {
  id: 'post-change-password-require-lodash-version',
  point: 'post-change-password',
  title: 'require a pinned npm module',
  description:
    "Hooks pinned npm versions inline: require('lodash@4.17.21'). Hookpad strips and records the version, but provides no npm modules, so the require fails.",
  code: `var _ = require('lodash@4.17.21');

module.exports = function (user, context, cb) {
  var audit = _.pick(user, ['id', 'email', 'last_password_reset']);
  console.log('Password changed:', JSON.stringify(audit));
  cb();
};
`,
  expected:
    'Fails on line 1: "Module \'lodash\' is not available in Hookpad" (version 4.17.21 recorded)',
};

const builtinVersioned: HookExample = {
  id: 'post-change-password-require-util-version',
  point: 'post-change-password',
  title: 'require a core module with a version',
  description:
    'A versioned require of a core module (util@0.12.5, the npm port of Node’s util) resolves to the built-in; the version is kept and shown.',
  code: `var util = require('util@0.12.5');

module.exports = function (user, context, cb) {
  var changedAt = new Date(user.last_password_reset).toISOString();
  console.log(util.format('Password of %s (%s) changed at %s', user.email, user.id, changedAt));
  cb();
};
`,
  expected:
    'Succeeds; logs "Password of user1@foo.com (abc123) changed at 2019-02-27T14:14:29.206Z" and records util@0.12.5 as a built-in',
};

export const postChangePasswordExamples: readonly HookExample[] = [
  timerThrow,
  missingVersioned,
  builtinVersioned,
];
