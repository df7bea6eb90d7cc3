import type { ApiCall } from './actionSchemas';
import type { ActionTrigger, ApiMethod } from './actionTriggers';
import type { JsonValue } from '../schemas';
import { serialize } from '../serialize';
import { locateInStack } from '../hookLocator';
import { DENY_CODES, denialError, emptyActionState, type ActionState } from './actionOutcome';

// The `api` object an Action receives (docs/runtime-semantics.md §18.3). Every call is recorded
// in order with where in the Action it was made; its effect goes into the run's ActionState.
// A method the trigger does not document is simply absent, so calling it is a TypeError.

/** The cache's default lifetime when set() is given none (the platform's 15 minutes). */
export const CACHE_DEFAULT_TTL_MS = 15 * 60 * 1000;

export interface ActionApiOptions {
  now(): number;
  /** When the run started, on the `now` clock: calls are timed from it. */
  start: number;
  /** The wall clock the cache's `expires_at` uses. */
  clock?(): number;
}

export interface ActionApi {
  api: Record<string, unknown>;
  /** The calls so far, in order (live: later calls are appended). */
  calls: ApiCall[];
  state: ActionState;
}

type CacheRecord = { value: unknown; expires_at: number };
type Implementation = (...args: unknown[]) => unknown;

/** A JSON copy of a value as the platform would store it; undefined when JSON has none. */
function toJson(value: unknown): JsonValue | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
  } catch {
    return serialize(value);
  }
}

function setKey(target: Record<string, JsonValue>, key: unknown, value: unknown): void {
  const json = toJson(value);
  if (json === undefined) delete target[String(key)];
  else target[String(key)] = json;
}

const text = (value: unknown): string => (value === undefined ? '' : String(value));

export function createActionApi(trigger: ActionTrigger, options: ActionApiOptions): ActionApi {
  const clock = options.clock ?? (() => Date.now());
  const state = emptyActionState();
  const calls: ApiCall[] = [];
  const cache = new Map<string, CacheRecord>();
  const api: Record<string, unknown> = {};
  const location = () => locateInStack(new Error().stack);

  function deny(reason: unknown, userMessage: unknown): void {
    if (state.denial) return;
    const message = text(reason);
    // As the hook's class: friendlyMessage defaults to the message.
    const friendly = userMessage ? String(userMessage) : message;
    state.denial = denialError('PreUserRegistrationError', message, location(), friendly);
  }

  function denyToken(code: unknown, reason: unknown): void {
    const name =
      typeof code === 'string' && Object.hasOwn(DENY_CODES, code) ? DENY_CODES[code] : undefined;
    if (!name) {
      throw new TypeError(
        `api.access.deny: code must be 'invalid_scope', 'invalid_request' or 'server_error' (got ${JSON.stringify(code) ?? 'undefined'})`,
      );
    }
    if (!state.denial) state.denial = denialError(name, text(reason), location());
  }

  function cacheRecord(key: unknown): CacheRecord | undefined {
    const record = cache.get(String(key));
    if (record && record.expires_at <= clock()) cache.delete(String(key));
    return cache.get(String(key));
  }

  const implementations: Record<ApiMethod, Implementation> = {
    'api.access.deny': (first, second) =>
      trigger.id === 'credentials-exchange' ? denyToken(first, second) : deny(first, second),
    'api.validation.error': (_code, message) => deny(message, message),
    'api.user.setUserMetadata': (key, value) => setKey(state.userMetadata, key, value),
    'api.user.setAppMetadata': (key, value) => setKey(state.appMetadata, key, value),
    'api.accessToken.setCustomClaim': (key, value) => setKey(state.claims, key, value),
    'api.cache.get': (key) => {
      const record = cacheRecord(key);
      return record ? { ...record } : undefined;
    },
    'api.cache.set': (key, value, settings) => {
      const { ttl, expires_at } = (settings ?? {}) as { ttl?: unknown; expires_at?: unknown };
      const ends = [
        typeof ttl === 'number' ? clock() + ttl : undefined,
        typeof expires_at === 'number' ? expires_at : undefined,
      ].filter((end): end is number => end !== undefined);
      const expiresAt = ends.length > 0 ? Math.min(...ends) : clock() + CACHE_DEFAULT_TTL_MS;
      cache.set(String(key), { value, expires_at: expiresAt });
      return { type: 'success' };
    },
    'api.cache.delete': (key) => {
      cache.delete(String(key));
      return { type: 'success' };
    },
  };

  /** The documented methods that answer with the api itself, so calls chain. */
  const returnsApi = (method: ApiMethod) => !method.startsWith('api.cache.');

  for (const method of trigger.methods) {
    const [, group, name] = method.split('.') as [string, string, string];
    const namespace = (api[group] ??= {}) as Record<string, unknown>;
    namespace[name] = (...args: unknown[]) => {
      calls.push({
        seq: calls.length,
        method,
        args: args.map((arg) => serialize(arg)),
        timeMs: Math.max(0, options.now() - options.start),
        ...withLocation(location()),
      });
      const result = implementations[method](...args);
      return returnsApi(method) ? api : result;
    };
  }
  return { api, calls, state };
}

function withLocation(location: ReturnType<typeof locateInStack>) {
  return location ? { location } : {};
}
