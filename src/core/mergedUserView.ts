import type { JsonValue } from './schemas';
import type { MetadataChange, MetadataProblem, PlatformView } from './platformView';

// Hookpad's model of "Auth0 adds this information to the new user" (docs/runtime-semantics.md
// §8.1): only response.user.user_metadata and .app_metadata are read; each is merged into the
// payload user's object of the same name at the first level, the response's keys winning.

const METADATA_FIELDS = ['user_metadata', 'app_metadata'] as const;

type JsonObject = { [key: string]: JsonValue };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `user_metadata.foo`, or `user_metadata["a.b"]` when the key is not a plain identifier. */
function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function isBadKey(key: string): boolean {
  return key.startsWith('$') || key.includes('.');
}

function equal(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Deeper keys: the documented rule names only the first level, so these are warnings. */
function nestedKeyProblems(value: JsonValue, path: string, problems: MetadataProblem[]): void {
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) {
    const itemPath = Array.isArray(value) ? `${path}[${key}]` : childPath(path, key);
    if (!Array.isArray(value) && isBadKey(key)) {
      problems.push({
        path: itemPath,
        severity: 'warning',
        message: `${itemPath}: nested metadata property names starting with $ or containing . may be rejected (the platform documents the rule for the first level)`,
      });
    }
    nestedKeyProblems(item, itemPath, problems);
  }
}

export function mergedUserView(
  payload: JsonValue,
  response: JsonValue | undefined,
): Extract<PlatformView, { kind: 'merged-user' }> {
  const base = isObject(payload) && isObject(payload.user) ? payload.user : {};
  const user: JsonObject = { ...base };
  const changes: MetadataChange[] = [];
  const problems: MetadataProblem[] = [];
  const ignoredFields: string[] = [];
  const responseUser = isObject(response) ? response.user : undefined;

  if (responseUser !== undefined && !isObject(responseUser)) {
    problems.push({
      path: 'user',
      severity: 'warning',
      message: 'user: response.user is not an object, so no metadata is added',
    });
  }
  if (isObject(responseUser)) {
    for (const key of Object.keys(responseUser)) {
      if (!(METADATA_FIELDS as readonly string[]).includes(key)) ignoredFields.push(key);
    }
    for (const field of METADATA_FIELDS) {
      const incoming = responseUser[field];
      if (incoming === undefined) continue;
      if (!isObject(incoming)) {
        problems.push({
          path: field,
          severity: 'error',
          message: `${field}: metadata must be an object (got ${incoming === null ? 'null' : Array.isArray(incoming) ? 'an array' : typeof incoming})`,
        });
        continue;
      }
      const existing = isObject(base[field]) ? base[field] : {};
      for (const [key, value] of Object.entries(incoming)) {
        const path = childPath(field, key);
        if (isBadKey(key)) {
          problems.push({
            path,
            severity: 'error',
            message: `${path}: metadata property names must not start with $ or contain .`,
          });
        }
        nestedKeyProblems(value, path, problems);
        if (!(key in existing)) changes.push({ path, change: 'added' });
        else if (!equal(existing[key], value)) changes.push({ path, change: 'changed' });
      }
      user[field] = { ...existing, ...incoming };
    }
  }
  return { kind: 'merged-user', user, changes, problems, ignoredFields };
}
