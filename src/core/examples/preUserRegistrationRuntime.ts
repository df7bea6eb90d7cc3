import type { HookExample } from './types';
import { signupPayload } from './preUserRegistration';

// Pre-User Registration hooks that lean on the Node runtime: Buffer and crypto, sloppy-mode
// globals, and the callback contract.

const emailSignature: HookExample = {
  id: 'pre-user-registration-email-signature',
  point: 'pre-user-registration',
  title: 'Sign the email with HMAC-SHA256',
  description:
    "Stores an HMAC-SHA256 signature of the normalised email (keyed by a secret, base64) in app_metadata, so a backend can check that the address was not edited later. Uses require('crypto') and Buffer.",
  code: `var crypto = require('crypto');

module.exports = function (user, context, cb) {
  var key = context.webtask.secrets.SIGNING_KEY;
  if (!key) return cb(new Error('The SIGNING_KEY secret is missing'));

  var email = user.email.trim().toLowerCase();
  var signature = crypto.createHmac('sha256', key).update(email).digest('base64');
  var emailId = Buffer.from(email, 'utf8').toString('base64');

  cb(null, {
    user: {
      app_metadata: { email_signature: signature, email_id: emailId }
    }
  });
};
`,
  payload: signupPayload('Wile.E.Coyote@acme.com '),
  secrets: { SIGNING_KEY: 'hookpad-demo-signing-key' },
  expected:
    'Succeeds; the merged user gets app_metadata.email_signature = "A/QX49EcXO02Wwd+mEs6cVbO2e4TJ5mQ6KkLZtwj/w4=" and email_id = the base64 of "wile.e.coyote@acme.com"',
};

const implicitGlobal: HookExample = {
  id: 'pre-user-registration-implicit-global',
  point: 'pre-user-registration',
  title: 'Implicit global (sloppy mode)',
  description:
    'Hooks run in sloppy mode, as on the platform: assigning to an undeclared name creates a global instead of throwing. On the platform that global could leak into the next request served by the same container.',
  code: `module.exports = function (user, context, cb) {
  var language = context.requestLanguage || 'en';

  // No var/let/const: in sloppy mode this creates a global variable.
  greeting = language.indexOf('fr') === 0 ? 'Bienvenue' : 'Welcome';
  console.log('global.greeting is now', global.greeting);

  cb(null, { user: { user_metadata: { greeting: greeting } } });
};
`,
  expected:
    'Succeeds (no ReferenceError in sloppy mode); logs "global.greeting is now Welcome" and the merged user gets user_metadata.greeting = "Welcome"',
};

const cbTwice: HookExample = {
  id: 'pre-user-registration-cb-twice',
  point: 'pre-user-registration',
  title: 'Missing return: cb called twice',
  description:
    'A classic bug: the denial branch calls cb without return, so execution falls through to the second cb. The first call wins; the second one crashed the request handler on the platform.',
  code: `var CLOSED_DOMAINS = ['example.org'];

module.exports = function (user, context, cb) {
  var domain = user.email.split('@')[1];

  if (CLOSED_DOMAINS.indexOf(domain) !== -1) {
    cb(new PreUserRegistrationError('Signup from closed domain ' + domain, 'Signups from ' + domain + ' are closed.'));
    // Bug: no return here.
  }

  cb(null, { user: { app_metadata: { domain: domain } } });
};
`,
  payload: signupPayload('someone@example.org'),
  expected:
    'Signup denied by the first cb ("Signups from example.org are closed."); the second cb on line 11 is ignored with a warning',
};

export const preUserRegistrationRuntimeExamples: readonly HookExample[] = [
  emailSignature,
  implicitGlobal,
  cbTwice,
];
