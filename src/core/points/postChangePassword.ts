import type { ExtensibilityPoint } from './types';
import { unchecked } from './bodyChecks';
import { userRegistrationBody } from './userRegistrationBody';
import { userPointArgs, userPointResponse } from './userPointCall';

const starterCode = `/**
@param {object} user - the user whose password changed
@param {string} user.id - user id
@param {string} user.username - user name
@param {string} user.email - email
@param {string} user.last_password_reset - date/time the password was last changed
@param {object} context - Auth0 connection and other context info
@param {object} context.connection - information about the Auth0 connection
@param {object} context.connection.id - connection id
@param {object} context.connection.name - connection name
@param {object} context.connection.tenant - connection tenant
@param {object} context.webtask - webtask context
@param {function} cb - function (error)
*/
module.exports = function (user, context, cb) {
  // Perform any asynchronous actions, e.g. send a notification.
  cb();
};
`;

export const postChangePassword: ExtensibilityPoint = {
  id: 'post-change-password',
  label: 'Post Change Password',
  params: ['user', 'context', 'cb'],
  starterCode,
  defaultPayload: {
    user: {
      id: 'abc123',
      username: 'user1',
      email: 'user1@foo.com',
      last_password_reset: '2019-02-27T14:14:29.206Z',
    },
    context: {
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
      username: unchecked('string — user name'),
      email: unchecked('string — email'),
      last_password_reset: unchecked('string — date/time the password was last changed'),
    },
    {},
  ),
  // The shared compiler declares this class for all three user points.
  errorClasses: ['PreUserRegistrationError'],
  toArgs: userPointArgs,
  normalizeResponse: userPointResponse,
  continuesAfterCallback: true,
  responseUse: 'ignored',
};
