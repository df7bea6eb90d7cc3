import { REGISTRY_FRAME_SCRIPT } from './registryFrameScript';

/**
 * A host name as a CSP host-source can name it: dot-separated letters, digits and hyphens.
 * URL parsing lets through characters such as `;` and `"`, which would end the directive or
 * the meta attribute; IPv6 literals are not in the CSP grammar at all.
 */
const CSP_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * The origin (scheme://host[:port]) of a registry address: the only place its download frame
 * may connect to. An address with a path (a company mirror at `https://mirror.corp/npm/`)
 * gives its origin; anything that is not a plain http(s) address is refused.
 */
export function registryOrigin(registry: string): string {
  let url: URL;
  try {
    url = new URL(registry.trim());
  } catch {
    throw new Error(`"${registry.slice(0, 300)}" is not a registry address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `The registry address must start with https:// or http://, not ${url.protocol.slice(0, 40)}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('The registry address must not hold a user name or password.');
  }
  if (!CSP_HOST.test(url.hostname)) {
    throw new Error(
      `The registry's host "${url.hostname.slice(0, 300)}" is not a host name Hookpad can allow downloads from (letters, digits, hyphens and dots).`,
    );
  }
  return url.origin;
}

/** The CSP source `'sha256-…'` of a script's exact text, as the browser hashes it (UTF-8). */
export async function scriptHashSource(script: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/**
 * The download frame's whole policy: nothing by default, its own script by hash (no
 * 'unsafe-inline', so nothing else could run even if markup got in), and connections to the
 * registry's origin alone. A redirect to another origin is blocked by connect-src.
 */
export function registryFrameCsp(origin: string, scriptHash: string): string {
  if (!/^'sha256-[A-Za-z0-9+/]{43}='$/.test(scriptHash)) {
    throw new Error(`${scriptHash.slice(0, 100)} is not a CSP sha256 source.`);
  }
  return `default-src 'none'; script-src ${scriptHash}; connect-src ${registryOrigin(origin)}`;
}

/** The srcdoc of the download frame for one registry origin. */
export async function registryFrameDocument(origin: string): Promise<string> {
  const csp = registryFrameCsp(origin, await scriptHashSource(REGISTRY_FRAME_SCRIPT));
  return (
    '<!doctype html>' +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<script>${REGISTRY_FRAME_SCRIPT}</script>`
  );
}
