import type { PointId } from './schemas';
import type { WebtaskContext } from './points/types';
import type { WebtaskStorage } from './createWebtaskStorage';
import { requestHeaders } from './extensionSecret';

let counter = 0;

/** A request id in the style of webtask's (not cryptographic: it only labels the run). */
function requestId(): string {
  counter = (counter + 1) % 1_000_000;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The compiler module the platform named in a hook's `wt-compiler` meta (docs/runtime-semantics.md
 * §3).
 */
const COMPILER: Record<PointId, string> = {
  'credentials-exchange': 'client-credentials-exchange',
  'pre-user-registration': 'pre-user-registration',
  'post-user-registration': 'post-user-registration',
  'post-change-password': 'post-change-password',
  'send-phone-message': 'send-phone-message',
};

/**
 * Webtask tokens are minted by the webtask cluster, which Hookpad does not have. The
 * runtime simulator threw for these too ("… is not supported in this environment"), so a
 * hook that tries gets an error naming the method rather than a fake token.
 */
function notAvailable(method: string): () => never {
  return () => {
    throw new Error(`The '${method}' method is not available in Hookpad`);
  };
}

export interface WebtaskContextInput {
  point: PointId;
  body: unknown;
  bodyRaw: string;
  secrets: Record<string, string>;
  storage: WebtaskStorage;
}

/**
 * The `context.webtask` a hook receives: the request as webtask delivered it, with the keys
 * in the runtime's order (data, headers, id, params, query, secrets, meta, storage, token,
 * body_raw, body, create_token, create_token_url). `body` is the parsed body the hook's
 * arguments come from, so for the points that mutate body.context,
 * `webtask.body.context.webtask === webtask`, as on the platform.
 */
export function createWebtaskContext(input: WebtaskContextInput): WebtaskContext {
  return {
    // webtask overlays query, params and secrets into `data` (the platform did not merge the body).
    data: { ...input.secrets },
    headers: requestHeaders(input.secrets, input.bodyRaw),
    id: requestId(),
    params: {},
    query: {},
    secrets: { ...input.secrets },
    // The meta the platform set on every hook's webtask (inferred visible to the hook).
    meta: {
      'auth0-extension': 'runtime',
      'auth0-extension-name': input.point,
      'wt-compiler': `auth0-ext-compilers/${COMPILER[input.point]}`,
    },
    storage: input.storage,
    token: undefined,
    body_raw: input.bodyRaw,
    body: input.body,
    create_token: notAvailable('create_token'),
    create_token_url: notAvailable('create_token_url'),
  };
}
