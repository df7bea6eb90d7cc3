import type { PointId } from './schemas';
import type { ResponseUse } from './points/types';
import { getPoint } from './points';
import { payloadJsonSchema, type JsonSchema } from './jsonSchemas';
import { jsDoc, propertyName, typeOfJsonSchema } from './typeOfJsonSchema';

// The code editor's declarations for one hook: its point's parameters (from the point's
// body schema, the one source of truth), its callback's answer, its point's error classes
// only, and `context.webtask.secrets` with the hook's secret names. The editor checks the
// hook as TypeScript against these, so they apply whatever its JSDoc says.

/** Documentation of the platform's error classes; a class not listed gets a plain one. */
const ERROR_CLASSES: Record<string, string> = {
  InvalidRequestError: `/** Deny the token request with OAuth2 "invalid_request" (400). */
declare class InvalidRequestError extends ExtensibilityUserError {}`,
  InvalidScopeError: `/** Deny the token request with OAuth2 "invalid_scope" (400). */
declare class InvalidScopeError extends ExtensibilityUserError {}`,
  ServerError: `/** Fail the token request with OAuth2 "server_error" (500). */
declare class ServerError extends ExtensibilityUserError {}`,
  PreUserRegistrationError: `/** Deny the signup; friendlyMessage is shown to the user. */
declare class PreUserRegistrationError extends ExtensibilityUserError {
  constructor(message: string, friendlyMessage?: string);
  friendlyMessage?: string;
}`,
  SendPhoneMessageError: `/** The message could not be sent; friendlyMessage is shown to the user. */
declare class SendPhoneMessageError extends ExtensibilityUserError {
  constructor(message: string, friendlyMessage?: string);
  friendlyMessage?: string;
}`,
};

/** What `cb(null, answer)` takes, by what the platform does with it (§8). */
const ANSWERS: Record<ResponseUse, string> = {
  'merged-user': `/** The answer: only user.user_metadata and user.app_metadata are stored (merged at the first level). */
interface HookAnswer {
  user?: {
    /** Merged into the new user's user_metadata. */
    user_metadata?: Record<string, any>;
    /** Merged into the new user's app_metadata. */
    app_metadata?: Record<string, any>;
    [key: string]: any;
  };
  [key: string]: any;
}`,
  'access-token-claims': `/** The access token's claims: scope, and namespaced custom claims (others are dropped). */
interface HookAnswer {
  /** The token's scope (array of strings). */
  scope?: string[];
  [claim: string]: any;
}`,
  ignored: `/** The platform ignores the answer at this point. */
type HookAnswer = any;`,
  'not-used': `/** The platform does not use the answer at this point. */
type HookAnswer = Record<string, any>;`,
};

const WEBTASK = `/** The webtask context the platform adds to the hook's context. */
interface WebtaskContext {
  /** The hook's secrets by name (Secrets). */
  secrets: HookSecrets;
  /** Same as secrets. */
  data: HookSecrets;
  /** Webtask storage: one JSON document per hook, with etags. */
  storage: WebtaskStorage;
  /** The hook's metadata. */
  meta: Record<string, string>;
  /** Headers of the request that ran the hook. */
  headers: Record<string, string>;
  /** Query of the request that ran the hook. */
  query: Record<string, string>;
  params: Record<string, string>;
  /** The webtask's id. */
  id: string;
  /** The request body as received. */
  body: any;
  /** The request body as text. */
  body_raw: string;
  token: undefined;
  [key: string]: any;
}
interface WebtaskStorage {
  /** Reads the stored document. */
  get(callback: (error: Error | null, data?: any) => void): void;
  get(options: object, callback: (error: Error | null, data?: any) => void): void;
  /** Stores a document; options.force overwrites, options.etag detects conflicts. */
  set(data: any, callback: (error: Error | null) => void): void;
  set(data: any, options: { force?: boolean; etag?: string | null }, callback: (error: Error | null) => void): void;
}`;

function secretsInterface(secretNames: readonly string[]): string {
  const names = [...new Set(secretNames.filter((name) => name !== ''))];
  const members = names.map(
    (name) => `  /** The secret ${JSON.stringify(name)}. */\n  ${propertyName(name)}: string;\n`,
  );
  return `/** The hook's secrets by name (Secrets). */
interface HookSecrets {
${members.join('')}  [name: string]: string | undefined;
}`;
}

const pascal = (name: string) => `Hook${name.charAt(0).toUpperCase()}${name.slice(1)}`;

const WEBTASK_MEMBER =
  '  /** The webtask context: secrets, storage, meta, headers, … */\n  webtask: WebtaskContext;\n';

/** `interface HookUser {…}` for objects (hovers name it), a type alias otherwise. */
function parameterDeclaration(param: string, schema: JsonSchema): string {
  let type = typeOfJsonSchema(schema);
  if (param === 'context') {
    type = type.startsWith('{\n')
      ? `{\n${WEBTASK_MEMBER}${type.slice(2)}`
      : `{\n${WEBTASK_MEMBER}  [key: string]: any;\n}`;
  }
  const doc = jsDoc(schema.description, '');
  return type.startsWith('{\n')
    ? `${doc}interface ${pascal(param)} ${type}`
    : `${doc}type ${pascal(param)} = ${type};`;
}

/** The declarations (.d.ts text) for a hook of this point with these secret names. */
export function pointTypings(pointId: PointId, secretNames: readonly string[]): string {
  const point = getPoint(pointId);
  const body = payloadJsonSchema(pointId);
  const properties = (body.properties ?? {}) as Record<string, JsonSchema>;
  const args = point.params.slice(0, -1);
  const callback = point.params[point.params.length - 1] ?? 'cb';
  const signature = [...args.map((p) => `${p}: ${pascal(p)}`), `${callback}: HookCallback`];
  return [
    `// ${point.label}: declarations generated from the point's payload schema.`,
    ...args.map((param) => parameterDeclaration(param, properties[param] ?? {})),
    ANSWERS[point.responseUse],
    `/** Settles the hook: \`${callback}(error)\` fails or denies, \`${callback}(null, answer)\` answers. */
type HookCallback = (error?: Error | null, answer?: HookAnswer) => void;`,
    `/** A ${point.label} hook: (${point.params.join(', ')}). */
type HookFunction = (${signature.join(', ')}) => void | Promise<void>;`,
    'declare var module: { exports: HookFunction };',
    ...point.errorClasses.map(
      (name) => ERROR_CLASSES[name] ?? `declare class ${name} extends ExtensibilityUserError {}`,
    ),
    WEBTASK,
    secretsInterface(secretNames),
    '',
  ].join('\n\n');
}
