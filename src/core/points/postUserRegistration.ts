import type { ExtensibilityPoint } from './types';
import { unchecked } from './bodyChecks';
import { userRegistrationBody } from './userRegistrationBody';
import { userPointArgs, userPointResponse } from './userPointCall';

const starterCode = `/**
@param {object} user - the user who registered
@param {string} user.id - user id
@param {string} user.tenant - Auth0 tenant name
@param {string} user.username - user name
@param {string} user.email - email
@param {boolean} user.emailVerified - is e-mail verified?
@param {string} user.phoneNumber - phone number
@param {boolean} user.phoneNumberVerified - is phone number verified?
@param {object} user.user_metadata - user metadata
@param {object} user.app_metadata - application metadata
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
  // Perform any asynchronous actions, e.g. notify Slack or a CRM.
  // The response is ignored; work may continue after cb().
  cb();
};
`;

export const postUserRegistration: ExtensibilityPoint = {
  id: 'post-user-registration',
  label: 'Post-User Registration',
  params: ['user', 'context', 'cb'],
  starterCode,
  defaultPayload: {
    user: {
      tenant: 'my-tenant',
      username: 'user1',
      email: 'user1@foo.com',
      emailVerified: true,
      phoneNumber: '1-000-000-0000',
      phoneNumberVerified: true,
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
      id: unchecked('string — user id'),
      tenant: unchecked('string — Auth0 tenant name'),
      username: unchecked('string — user name'),
      email: unchecked('string — email'),
      emailVerified: unchecked('boolean — is the email verified?'),
      phoneNumber: unchecked('string — phone number'),
      phoneNumberVerified: unchecked('boolean — is the phone number verified?'),
      user_metadata: unchecked('object — user metadata'),
      app_metadata: unchecked('object — app metadata'),
    },
    {
      requestLanguage: unchecked('string — language of the client agent'),
    },
  ),
  // The shared compiler declares this class for all three user points.
  errorClasses: ['PreUserRegistrationError'],
  toArgs: userPointArgs,
  normalizeResponse: userPointResponse,
  continuesAfterCallback: true,
  responseUse: 'ignored',
};
