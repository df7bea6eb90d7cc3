import type { PointId } from '../schemas';
import { getPoint } from '../points';
import { getActionTrigger, type ApiMethod } from './actionTriggers';
import { jsDoc, propertyName } from '../typeOfJsonSchema';

// The code editor's declarations for an Action (docs/runtime-semantics.md §18.6): its trigger's
// `event` as Hookpad builds it from the payload (eventFromPayload), its `api` with only the
// trigger's methods, and the export's type on `exports`. Names start with "Action" or the
// trigger so they live beside the hook's declarations (pointTypings) in one language service.

/**
 * The editor's global `exports`, open to every name. An Action's typings add its handler to
 * this interface, which types `exports.onExecute…(event, api)` without redeclaring `exports`.
 */
export const ACTION_EXPORTS_GLOBAL = `interface HookpadExports {
  [name: string]: any;
}
declare var exports: HookpadExports;`;

const USER_FIELDS: Record<string, string> = {
  user_id: 'string',
  username: 'string',
  email: 'string',
  email_verified: 'boolean',
  phone_number: 'string',
  phone_verified: 'boolean',
  last_password_reset: 'string',
  user_metadata: 'Record<string, any>',
  app_metadata: 'Record<string, any>',
};

/** Per user point, the hook's user fields it maps (eventFromPayload's USER_FIELDS). */
const USER_POINT_FIELDS: Partial<Record<PointId, string[]>> = {
  'pre-user-registration': [
    'username',
    'email',
    'email_verified',
    'phone_number',
    'phone_verified',
    'user_metadata',
    'app_metadata',
  ],
  'post-user-registration': [
    'user_id',
    'username',
    'email',
    'email_verified',
    'phone_number',
    'phone_verified',
    'user_metadata',
    'app_metadata',
  ],
  'post-change-password': ['user_id', 'username', 'email', 'last_password_reset'],
};

const member = (name: string, type: string, doc?: string) =>
  `${doc ? `  /** ${doc} */\n` : ''}  ${name}: ${type};\n`;

const CONNECTION = `{ id?: string; name?: string }`;
const TENANT = `{ /** The tenant's name. */ id: string }`;

function eventMembers(pointId: PointId): string {
  const fields = USER_POINT_FIELDS[pointId];
  if (fields) {
    const user = fields.map((name) => `    ${name}?: ${USER_FIELDS[name]};\n`).join('');
    return (
      member('user', `{\n${user}  }`, 'The user, as the payload describes it.') +
      member('connection?', CONNECTION, 'The connection (from context.connection).') +
      member('tenant?', TENANT) +
      (pointId === 'post-change-password'
        ? ''
        : member(
            'request?',
            '{ language?: string }',
            'The request (language from context.requestLanguage).',
          ))
    );
  }
  if (pointId === 'credentials-exchange') {
    return (
      member(
        'accessToken',
        '{ customClaims: Record<string, any>; scope?: string[] }',
        'The access token to be issued.',
      ) +
      member('client?', '{ client_id?: string; name?: string; metadata?: Record<string, any> }') +
      member('resource_server?', '{ /** The audience. */ identifier: string }') +
      member('tenant?', TENANT)
    );
  }
  return (
    member(
      'message_options',
      "{ action: 'enrollment' | 'second-factor-authentication'; code: string; message_type: 'sms' | 'voice'; recipient: string; text: string }",
      'The message to send.',
    ) +
    member(
      'client?',
      '{ client_id: string; name: string; metadata?: Record<string, any> | null }',
    ) +
    member('request?', '{ ip?: string; language?: string; user_agent?: string }') +
    member('user?', 'Record<string, any>', 'The user to be challenged or enrolled.')
  );
}

/** Each api method's signature, by its path (`api.group.name`). */
const SIGNATURES: Record<ApiMethod, (api: string) => string> = {
  'api.access.deny': (api) => `deny(reason: string, userMessage?: string): ${api};`,
  'api.accessToken.setCustomClaim': (api) => `setCustomClaim(name: string, value: any): ${api};`,
  'api.cache.delete': () => 'delete(key: string): ActionCacheWriteResult;',
  'api.cache.get': () => 'get(key: string): ActionCacheRecord | undefined;',
  'api.cache.set': () =>
    'set(key: string, value: string, options?: { ttl?: number; expires_at?: number }): ActionCacheWriteResult;',
  'api.user.setAppMetadata': (api) => `setAppMetadata(name: string, value: any): ${api};`,
  'api.user.setUserMetadata': (api) => `setUserMetadata(name: string, value: any): ${api};`,
  'api.validation.error': (api) => `error(code: string, message: string): ${api};`,
};

const TOKEN_DENY =
  "deny(code: 'invalid_scope' | 'invalid_request' | 'server_error', reason?: string): CredentialsExchangeAPI;";

function apiInterface(pointId: PointId): string {
  const trigger = getActionTrigger(pointId);
  const groups = new Map<string, string[]>();
  for (const method of trigger.methods) {
    const group = method.split('.')[1] ?? '';
    const signature =
      method === 'api.access.deny' && pointId === 'credentials-exchange'
        ? TOKEN_DENY
        : SIGNATURES[method](trigger.apiTypeName);
    groups.set(group, [...(groups.get(group) ?? []), `    ${signature}\n`]);
  }
  const members = [...groups].map(([group, lines]) => `  ${group}: {\n${lines.join('')}  };\n`);
  return `/** The api of a ${trigger.id} Action: only the methods the platform documents for it. */
interface ${trigger.apiTypeName} {
${members.join('')}}`;
}

const CACHE = `/** A cached value and when it expires (ms since the epoch). */
interface ActionCacheRecord {
  value: string;
  expires_at: number;
}
interface ActionCacheWriteResult {
  type: 'success' | 'error';
  code?: string;
}`;

function secretsInterface(secretNames: readonly string[]): string {
  const names = [...new Set(secretNames.filter((name) => name !== ''))];
  const members = names.map((name) =>
    member(propertyName(name), 'string', `The secret ${JSON.stringify(name)}.`),
  );
  return `/** The Action's secrets by name (the hook's Secrets). */
interface ActionSecrets {
${members.join('')}  [name: string]: string | undefined;
}`;
}

/** The declarations (.d.ts text) for an Action of this trigger with these secret names. */
export function actionTypings(pointId: PointId, secretNames: readonly string[]): string {
  const trigger = getActionTrigger(pointId);
  const label = getPoint(pointId).label;
  return [
    `// ${label} Action (${trigger.id}, ${trigger.version}): declarations for exports.${trigger.exportName}.`,
    `${jsDoc(`The event of a ${trigger.id} Action, as Hookpad builds it from the payload.`, '')}interface ActionEvent {
${eventMembers(pointId)}${member('secrets', 'ActionSecrets', "The Action's secrets by name.")}}`,
    apiInterface(pointId),
    CACHE,
    secretsInterface(secretNames),
    `interface HookpadExports {
  /** The handler the platform calls for ${trigger.id}. */
  ${trigger.exportName}: (event: ActionEvent, api: ${trigger.apiTypeName}) => void | Promise<void>;
}`,
    '',
  ].join('\n\n');
}
