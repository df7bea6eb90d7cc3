import type { WebtaskContext } from './points/types';

let counter = 0;

/** A request id in the style of webtask's (not cryptographic: it only labels the run). */
function requestId(): string {
  counter = (counter + 1) % 1_000_000;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The `context.webtask` a hook receives (Part A §3): the request as webtask delivered it.
 * `body` is the parsed body the hook's arguments come from (so for the points that mutate
 * body.context, `webtask.body.context.webtask === webtask`, as on the platform).
 */
export function createWebtaskContext(
  body: unknown,
  bodyRaw: string,
  secrets: Record<string, string>,
): WebtaskContext {
  return {
    secrets: { ...secrets },
    meta: {},
    headers: { 'content-type': 'application/json' },
    query: {},
    params: {},
    // webtask overlays query, params and secrets into `data` (the platform did not merge the body).
    data: { ...secrets },
    body,
    body_raw: bodyRaw,
    id: requestId(),
  };
}
