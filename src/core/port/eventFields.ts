import type { PointId } from '../schemas';

// Where a hook's argument fields live on the Action's `event` (docs/runtime-semantics.md §19),
// after the platform's migration guide and the Actions event objects per trigger. A path not
// listed is left as the hook wrote it under the argument's event object and flagged.

/** A rule for one hook argument, by position: its event object and its known fields. */
export interface ArgumentMap {
  /** What the whole argument becomes, e.g. "event.user"; undefined = no equivalent. */
  whole?: string;
  /** Known member paths (dot-joined) → their event path. Longest match wins. */
  fields: Record<string, string | null>;
  /** True when a field not in `fields` is a guess to be checked (a TODO(port) note). */
  flagUnknown: boolean;
}

const USER_FIELDS: Record<string, string | null> = {
  tenant: 'event.tenant.id',
  id: 'event.user.user_id',
  username: 'event.user.username',
  email: 'event.user.email',
  emailVerified: 'event.user.email_verified',
  phoneNumber: 'event.user.phone_number',
  phoneNumberVerified: 'event.user.phone_verified',
  user_metadata: 'event.user.user_metadata',
  app_metadata: 'event.user.app_metadata',
  last_password_reset: 'event.user.last_password_reset',
};

const USER_CONTEXT_FIELDS: Record<string, string | null> = {
  'webtask.secrets': 'event.secrets',
  requestLanguage: 'event.request.language',
  'connection.id': 'event.connection.id',
  'connection.name': 'event.connection.name',
  'connection.tenant': 'event.tenant.id',
  connection: 'event.connection',
  'request.ip': 'event.request.ip',
  'request.geoip': 'event.request.geoip',
  'request.language': 'event.request.language',
  'request.userAgent': 'event.request.user_agent',
  clientID: 'event.client.client_id',
  client_id: 'event.client.client_id',
  clientName: 'event.client.name',
};

const userArgument: ArgumentMap = { whole: 'event.user', fields: USER_FIELDS, flagUnknown: true };
const userContext: ArgumentMap = { fields: USER_CONTEXT_FIELDS, flagUnknown: true };

const ARGUMENTS: Record<PointId, readonly ArgumentMap[]> = {
  'pre-user-registration': [
    // Actions never see the password at this trigger.
    { ...userArgument, fields: { ...USER_FIELDS, password: null } },
    userContext,
  ],
  'post-user-registration': [userArgument, userContext],
  'post-change-password': [userArgument, userContext],
  'credentials-exchange': [
    {
      whole: 'event.client',
      fields: {
        id: 'event.client.client_id',
        name: 'event.client.name',
        metadata: 'event.client.metadata',
        tenant: 'event.tenant.id',
      },
      flagUnknown: true,
    },
    { whole: 'event.accessToken.scope', fields: {}, flagUnknown: false },
    { whole: 'event.resource_server.identifier', fields: {}, flagUnknown: false },
    { fields: { 'webtask.secrets': 'event.secrets' }, flagUnknown: true },
  ],
  'send-phone-message': [
    { whole: 'event.message_options.recipient', fields: {}, flagUnknown: false },
    { whole: 'event.message_options.text', fields: {}, flagUnknown: false },
    {
      fields: {
        'webtask.secrets': 'event.secrets',
        message_type: 'event.message_options.message_type',
        action: 'event.message_options.action',
        code: 'event.message_options.code',
        language: 'event.request.language',
        ip: 'event.request.ip',
        user_agent: 'event.request.user_agent',
        'client.client_id': 'event.client.client_id',
        'client.name': 'event.client.name',
        'client.client_metadata': 'event.client.metadata',
        client: 'event.client',
        'user.user_id': 'event.user.user_id',
        'user.name': 'event.user.name',
        'user.email': 'event.user.email',
        'user.app_metadata': 'event.user.app_metadata',
        'user.user_metadata': 'event.user.user_metadata',
        user: 'event.user',
      },
      flagUnknown: true,
    },
  ],
};

/** The rules for the hook's arguments before cb, in the point's parameter order. */
export function argumentMaps(point: PointId): readonly ArgumentMap[] {
  return ARGUMENTS[point];
}

export type FieldMapping =
  | { kind: 'mapped'; replacement: string; consumed: number; guess: boolean }
  | { kind: 'none'; consumed: number };

/**
 * What `<argument>.<path…>` becomes: the longest known prefix of `path` (consumed = how many
 * of its names it replaced), the whole argument's object, or nothing known.
 */
export function mapFields(map: ArgumentMap, path: readonly string[]): FieldMapping {
  for (let length = path.length; length > 0; length -= 1) {
    const key = path.slice(0, length).join('.');
    if (!Object.hasOwn(map.fields, key)) continue;
    const target = map.fields[key];
    if (target === null || target === undefined) return { kind: 'none', consumed: length };
    return { kind: 'mapped', replacement: target, consumed: length, guess: false };
  }
  if (!map.whole) return { kind: 'none', consumed: Math.min(path.length, 1) };
  // A field of the argument the tables do not know: keep its name under the event object.
  return { kind: 'mapped', replacement: map.whole, consumed: 0, guess: path.length > 0 };
}
