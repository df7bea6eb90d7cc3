import type { ExtensibilityPoint } from './types';
import { unchecked } from './bodyChecks';
import { userRegistrationBody } from './userRegistrationBody';
import { userPointArgs, userPointResponse } from './userPointCall';

const starterCode = `/**
@param {object} user - The user being created
@param {string} user.tenant - Auth0 tenant name
@param {string} user.username - user name
@param {string} user.password - user's password
@param {string} user.email - email
@param {boolean} user.emailVerified - is e-mail verified?
@param {string} user.phoneNumber - phone number
@param {boolean} user.phoneNumberVerified - is phone number verified?
@param {object} context - Auth0 connection and other context info
@param {string} context.requestLanguage - language of the client agent
@param {object} context.connection - information about the Auth0 connection
@param {object} context.connection.id - connection id
@param {object} context.connection.name - connection name
@param {object} context.connection.tenant - connection tenant
@param {object} context.webtask - webtask context
@param {function} cb - function (error, response)
*/
module.exports = function (user, context, cb) {
  var response = {};

  // Add user or app metadata to the newly created user
  // response.user = {
  //   user_metadata: { foo: 'bar' },
  //   app_metadata: { vip: true, score: 7 }
  // };

  response.user = user;

  cb(null, response);
};
`;

export const preUserRegistration: ExtensibilityPoint = {
  id: 'pre-user-registration',
  label: 'Pre-User Registration',
  params: ['user', 'context', 'cb'],
  starterCode,
  defaultPayload: {
    user: {
      tenant: 'my-tenant',
      username: 'user1',
      password: 'xxxxxxx',
      email: 'user1@foo.com',
      emailVerified: false,
      phoneNumber: '1-000-000-0000',
      phoneNumberVerified: false,
      user_metadata: { hobby: 'surfing' },
      app_metadata: { plan: 'full' },
    },
    context: {
      requestLanguage: 'en-us',
      connection: {
        id: 'con_xxxxxxxxxxxxxxxx',
        name: 'Username-Password-Authentication',
        tenant: 'my-tenant',
      },
    },
  },
  bodySchema: userRegistrationBody(
    {
      tenant: unchecked('string — Auth0 tenant name'),
      username: unchecked('string — user name'),
      password: unchecked('string — the user’s password (plain text)'),
      email: unchecked('string — email'),
      emailVerified: unchecked('boolean — is the email verified?'),
      phoneNumber: unchecked('string — phone number'),
      phoneNumberVerified: unchecked('boolean — is the phone number verified?'),
      user_metadata: unchecked('object — metadata supplied at signup'),
      app_metadata: unchecked('object — app metadata'),
    },
    {
      requestLanguage: unchecked('string — language of the client agent'),
    },
  ),
  errorClasses: ['PreUserRegistrationError'],
  toArgs: userPointArgs,
  normalizeResponse: userPointResponse,
  continuesAfterCallback: false,
  responseUse: 'merged-user',
};
