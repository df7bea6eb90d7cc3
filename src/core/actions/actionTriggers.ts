import type { PointId } from '../schemas';

// The Action trigger that replaces each hook point (docs/runtime-semantics.md §18.1): its id,
// version, the export the platform calls, and the `api` methods the platform documents for it.
// Only documented methods exist; calling any other is a TypeError, as on the platform.

/** A method of an Action's `api`, by its full path as written in code. */
export type ApiMethod =
  | 'api.access.deny'
  | 'api.accessToken.setCustomClaim'
  | 'api.cache.delete'
  | 'api.cache.get'
  | 'api.cache.set'
  | 'api.user.setAppMetadata'
  | 'api.user.setUserMetadata'
  | 'api.validation.error';

export interface ActionTrigger {
  /** Same string as the hook point's id, e.g. "pre-user-registration". */
  id: PointId;
  version: 'v2';
  /** The export the platform calls, e.g. "onExecutePreUserRegistration". */
  exportName: string;
  /** What the handler's JSDoc names its event and api types, e.g. "PreUserRegistrationAPI". */
  apiTypeName: string;
  methods: readonly ApiMethod[];
  /** The code of a new Action of this trigger (the Dashboard's template). */
  starterCode: string;
}

const CACHE: readonly ApiMethod[] = ['api.cache.delete', 'api.cache.get', 'api.cache.set'];

function starter(flow: string, eventDoc: string, apiType: string, exportName: string): string {
  return `/**
 * Handler that will be called during the execution of a ${flow} flow.
 *
 * @param {Event} event - ${eventDoc}
 * @param {${apiType}} api - Interface whose methods can be used to change the behavior of the flow.
 */
exports.${exportName} = async (event, api) => {
};
`;
}

function trigger(
  id: PointId,
  flow: string,
  eventDoc: string,
  methods: readonly ApiMethod[],
): ActionTrigger {
  const exportName = `onExecute${flow}`;
  const apiTypeName = `${flow}API`;
  return {
    id,
    version: 'v2',
    exportName,
    apiTypeName,
    methods,
    starterCode: starter(flow, eventDoc, apiTypeName, exportName),
  };
}

/** The five triggers in the hook points' order. */
export const actionTriggers: readonly ActionTrigger[] = [
  trigger(
    'credentials-exchange',
    'CredentialsExchange',
    'Details about the client credentials grant request.',
    ['api.access.deny', 'api.accessToken.setCustomClaim', ...CACHE],
  ),
  trigger(
    'pre-user-registration',
    'PreUserRegistration',
    'Details about the context and user that is attempting to register.',
    [
      'api.access.deny',
      ...CACHE,
      'api.user.setAppMetadata',
      'api.user.setUserMetadata',
      'api.validation.error',
    ],
  ),
  trigger(
    'post-user-registration',
    'PostUserRegistration',
    'Details about the context and user that has registered.',
    CACHE,
  ),
  trigger(
    'post-change-password',
    'PostChangePassword',
    'Details about the user and the context in which they changed their password.',
    CACHE,
  ),
  trigger(
    'send-phone-message',
    'SendPhoneMessage',
    'Details about the user and the message to send.',
    CACHE,
  ),
];

/** The Action trigger for a hook point; throws on an unknown id, like getPoint. */
export function getActionTrigger(id: PointId): ActionTrigger {
  const found = actionTriggers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`Unknown Action trigger: ${String(id)}`);
  return found;
}
