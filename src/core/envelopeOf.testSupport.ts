import { executeHook } from './executeHook';
import { platformEnvelope, type Envelope } from './platformEnvelope';
import type { JsonValue, PointId } from './schemas';

// What the platform-oracle tests share: running a hook to its envelope, and the hooks' shapes.

export const USER_BODY = { user: { email: 'a@b.c' }, context: { connection: {} } };
export const CE_BODY = { audience: 'a', client: { id: 'x' }, scope: ['read:x'] };

export async function envelopeOf(
  point: PointId,
  code: string,
  payload: JsonValue,
): Promise<Envelope> {
  const hook = executeHook(
    { point, code, payload, secrets: {}, graceMs: 0 },
    { onLog: () => undefined, subscribeUncaught: () => () => undefined },
  );
  return platformEnvelope(point, await hook.settled);
}

/** The body with each `stack` reduced to its first line. */
export function stackHeads(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(stackHeads);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'stack' && typeof item === 'string' ? item.split('\n')[0]! : stackHeads(item),
    ]),
  );
}

export const user = (body: string) => `module.exports = function (user, context, cb) { ${body} };`;
export const phone = (body: string) => `module.exports = function (r, t, context, cb) { ${body} };`;
export const ce = (body: string) =>
  `module.exports = function (client, scope, audience, context, cb) { ${body} };`;

export const SYNC = 'Script generated an unhandled synchronous exception.';
export const COMPILE = 'Unable to compile the extensibility code as javascript';
export const NO_ANSWER =
  'No answer: the exception escaped and crashed the request on the platform.';
