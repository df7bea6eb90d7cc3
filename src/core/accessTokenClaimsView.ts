import type { JsonValue } from './schemas';
import type { PlatformView } from './platformView';

// What Auth0 put into the access token from a credentials-exchange response
// (docs/runtime-semantics.md §8.2): `scope`, and claims whose name is an http(s) URL on a host that
// is not one of the platform's own domains. Everything else is dropped, each with the reason.

const RESERVED_DOMAINS = ['auth0.com', 'webtask.io', 'webtask.run'] as const;
export const NOT_NAMESPACED = 'not namespaced (must be an http or https URL)';

function reservedDomain(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return RESERVED_DOMAINS.find((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Why a claim is dropped, or undefined if the platform keeps it. */
export function claimDropReason(key: string): string | undefined {
  if (key === 'scope') return undefined;
  let url: URL;
  try {
    url = new URL(key);
  } catch {
    return NOT_NAMESPACED;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return NOT_NAMESPACED;
  if (!url.hostname) return NOT_NAMESPACED;
  const reserved = reservedDomain(url.hostname);
  return reserved ? `reserved domain ${reserved}` : undefined;
}

export function accessTokenClaimsView(
  response: JsonValue | undefined,
): Extract<PlatformView, { kind: 'access-token-claims' }> {
  const claims: Record<string, JsonValue> = {};
  const dropped: { key: string; reason: string }[] = [];
  // A response that is not an object carries no claims at all.
  if (typeof response === 'object' && response !== null && !Array.isArray(response)) {
    for (const [key, value] of Object.entries(response)) {
      const reason = claimDropReason(key);
      if (reason) dropped.push({ key, reason });
      else claims[key] = value;
    }
  }
  return { kind: 'access-token-claims', claims, dropped };
}
