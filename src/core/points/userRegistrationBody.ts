import { z } from '../schemaKit';
import { notAnObject, truthyObject, unchecked } from './bodyChecks';

// The body check shared by the three points compiled by user-registration.js: body, then
// body.user, body.context, body.context.connection must be truthy objects (arrays pass).

const connectionShape = {
  id: unchecked('string — connection id, e.g. "con_xxxxxxxxxxxxxxxx"'),
  name: unchecked('string — connection name, e.g. "Username-Password-Authentication"'),
  tenant: unchecked('string — the connection’s tenant'),
};

export function userRegistrationBody(
  userShape: Record<string, z.ZodMiniType>,
  contextShape: Record<string, z.ZodMiniType>,
) {
  return z.looseObject(
    {
      user: truthyObject(notAnObject('Body.user'), userShape, 'The user (object).'),
      context: z
        .looseObject(
          {
            ...contextShape,
            connection: truthyObject(
              notAnObject('Body.context.connection'),
              connectionShape,
              'Information about the Auth0 connection (object, required).',
            ),
          },
          {
            // An array context passes the platform's object test, then has no connection.
            error: (issue) =>
              Array.isArray(issue.input)
                ? notAnObject('Body.context.connection')
                : notAnObject('Body.context'),
          },
        )
        .check(z.describe('Auth0 connection and other context info (object, required).')),
    },
    {
      // A JSON array passes the platform's object test, then has no `user`.
      error: (issue) =>
        Array.isArray(issue.input) ? notAnObject('Body.user') : notAnObject('Body'),
    },
  );
}
