import type { JsonValue, PointId } from '../schemas';

// A hook's Runner payload as the Action's `event` (docs/runtime-semantics.md §18.2). Each field
// is renamed to the Action's documented name; a field the payload lacks stays absent rather
// than being invented (no geoip, no strategy, no transaction). The payload must have passed
// the point's body check.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const objectAt = (value: unknown): Json => (isObject(value) ? value : {});

/** A deep copy, so the Action may mutate its event without touching the request. */
const copy = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

/** `{ to: from[key] }` for each pair whose value is present; undefined when none is. */
function pick(from: unknown, pairs: readonly (readonly [string, string])[]): Json | undefined {
  const source = objectAt(from);
  const result: Json = {};
  for (const [to, key] of pairs) {
    if (source[key] !== undefined) result[to] = copy(source[key]);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Sets only the fields that are present, in the order given. */
function compact(fields: Record<string, unknown>): Json {
  const result: Json = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) result[key] = value;
  return result;
}

const same = (...keys: string[]) => keys.map((key) => [key, key] as const);

/** The hook's camelCase user fields under the Actions' snake_case names. */
const USER_FIELDS = [
  ['user_id', 'id'],
  ['username', 'username'],
  ['email', 'email'],
  ['email_verified', 'emailVerified'],
  ['phone_number', 'phoneNumber'],
  ['phone_verified', 'phoneNumberVerified'],
  ['last_password_reset', 'last_password_reset'],
  ['user_metadata', 'user_metadata'],
  ['app_metadata', 'app_metadata'],
] as const;

function tenantOf(...names: unknown[]): Json | undefined {
  const id = names.find((name) => name !== undefined);
  return id === undefined ? undefined : { id: copy(id) };
}

/** The user points: user, connection, tenant and request.language from the hook's body. */
function userPointEvent(body: Json): Json {
  const context = objectAt(body.context);
  const connection = objectAt(context.connection);
  return compact({
    user: pick(body.user, USER_FIELDS) ?? {},
    connection: pick(connection, same('id', 'name')),
    tenant: tenantOf(objectAt(body.user).tenant, connection.tenant),
    request: pick(context, [['language', 'requestLanguage']]),
  });
}

function credentialsExchangeEvent(body: Json): Json {
  const client = objectAt(body.client);
  return compact({
    accessToken: compact({
      customClaims: {},
      scope: Array.isArray(body.scope) ? copy(body.scope) : undefined,
    }),
    client: pick(client, [['client_id', 'id'], ...same('name', 'metadata')]),
    resource_server: typeof body.audience === 'string' ? { identifier: body.audience } : undefined,
    tenant: tenantOf(client.tenant),
  });
}

function sendPhoneMessageEvent(body: Json): Json {
  const context = objectAt(body.context);
  return compact({
    message_options: compact({
      action: copy(context.action),
      code: copy(context.code),
      message_type: copy(context.message_type),
      recipient: copy(body.recipient),
      text: copy(body.text),
    }),
    client: pick(context.client, [...same('client_id', 'name'), ['metadata', 'client_metadata']]),
    request: pick(context, same('ip', 'language', 'user_agent')),
    user: isObject(context.user) ? copy(context.user) : undefined,
  });
}

/**
 * The `event` an Action of this trigger receives for the hook's payload, with the hook's
 * secrets as `event.secrets` (last, as the platform lists it).
 */
export function eventFromPayload(
  pointId: PointId,
  payload: JsonValue,
  secrets: Record<string, string>,
): Record<string, unknown> {
  const body = objectAt(payload);
  const fields =
    pointId === 'credentials-exchange'
      ? credentialsExchangeEvent(body)
      : pointId === 'send-phone-message'
        ? sendPhoneMessageEvent(body)
        : userPointEvent(body);
  return { ...fields, secrets: { ...secrets } };
}
