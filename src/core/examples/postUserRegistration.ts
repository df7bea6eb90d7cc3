import type { HookExample } from './types';

// Post-User Registration: asynchronous, the response is ignored, work may continue after cb
// (docs/runtime-semantics.md §7, §8.3).

/** Seed 000, "Example: Integrate with Slack", verbatim. */
const slack: HookExample = {
  id: 'post-user-registration-slack',
  point: 'post-user-registration',
  title: 'Slack notification',
  description:
    'The documented example: posts the new user to a Slack channel with the slack-notify module and returns immediately. Without an HTTP mock for the webhook URL the post is blocked (and nothing leaves the browser); the signup is not affected either way.',
  code: `module.exports = function (user, context, cb) {

  // Get your Slack's hook URL from https://slack.com/services/10525858050
  var SLACK_HOOK = 'YOUR SLACK HOOK URL';

  // Post the new user's name and email address to the selected channel
  var slack = require('slack-notify')(SLACK_HOOK);
  var message = 'New User: ' + (user.name || user.email) + ' (' + user.email + ')';
  var channel = '#some_channel';

  slack.success({
   text: message,
   channel: channel
  });

  // Return immediately; the request to the Slack API will continue on the sandbox
  cb(null, user, context);
};`,
  expected:
    'Succeeds (the platform ignores the response); the POST to the Slack webhook is listed as blocked until you add an HTTP mock for its URL',
};

const afterCallback: HookExample = {
  id: 'post-user-registration-work-after-callback',
  point: 'post-user-registration',
  title: 'Work continuing after cb()',
  description:
    'Answers right away and lets a slower CRM sync finish afterwards, as the platform allowed for this asynchronous point. Hookpad keeps the sandbox alive for a grace period and marks later logs "after callback".',
  code: `// Stand-in for an HTTP client (Hookpad has no network): the CRM answers after 50 ms.
var crm = {
  createContact: function (contact, done) {
    setTimeout(function () {
      done(null, { id: 'crm_' + contact.email.split('@')[0] });
    }, 50);
  }
};

module.exports = function (user, context, cb) {
  crm.createContact({ email: user.email, plan: user.app_metadata.plan }, function (error, contact) {
    if (error) return console.error('CRM sync failed:', error.message);
    console.log('CRM contact created:', contact.id);
  });

  console.log('Queued CRM sync for', user.email);
  cb(); // the signup does not wait for the CRM
};
`,
  expected:
    'Succeeds (the platform ignores the response); "CRM contact created: crm_user1" is logged after the callback',
};

const asyncWithoutCb: HookExample = {
  id: 'post-user-registration-async-no-cb',
  point: 'post-user-registration',
  title: 'Async hook that never calls cb',
  description:
    'An async export must still call cb: resolving its promise answers nothing, so the platform waits until its time limit. (Timeout shortened to 1.5 s here.)',
  code: `module.exports = async function (user, context, cb) {
  var email = await renderWelcomeEmail(user);
  console.log('Welcome email ready for', user.email, '(' + email.length + ' characters)');
  // Bug: returning from an async hook does not answer the platform; cb is never called.
};

function renderWelcomeEmail(user) {
  return Promise.resolve('Hello ' + user.username + ', welcome aboard!');
}
`,
  timeoutMs: 1500,
  expected:
    'Times out after 1.5 s: the promise settles but cb is never called, and the runtime warns "the returned promise settled but cb was never called"',
};

export const postUserRegistrationExamples: readonly HookExample[] = [
  slack,
  afterCallback,
  asyncWithoutCb,
];
