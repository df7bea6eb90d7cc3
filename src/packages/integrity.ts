import { PackageError } from './packageError';

type Algorithm = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const SUBTLE_NAME: Record<Algorithm, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};
/** SHA-1 is only trusted when nothing stronger is given (old packages have only a shasum). */
const STRONG: readonly Algorithm[] = ['sha256', 'sha384', 'sha512'];
const SRI_HASH = /^(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})(?:\?.*)?$/;
const HEX_SHA1 = /^[0-9a-f]{40}$/i;

interface ExpectedHash {
  algorithm: Algorithm;
  base64: string;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a large array into String.fromCharCode overflows the call stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

function hexToBase64(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return toBase64(bytes);
}

async function digestBase64(algorithm: Algorithm, bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest(SUBTLE_NAME[algorithm], bytes as BufferSource);
  return toBase64(new Uint8Array(digest));
}

/** The hashes an SRI string or a legacy hex shasum names; unknown algorithms are ignored, as SRI says. */
function expectedHashes(integrity: string): ExpectedHash[] {
  const text = integrity.trim();
  if (HEX_SHA1.test(text)) return [{ algorithm: 'sha1', base64: hexToBase64(text) }];
  const hashes: ExpectedHash[] = [];
  for (const token of text.split(/\s+/)) {
    const match = SRI_HASH.exec(token);
    if (match) hashes.push({ algorithm: match[1] as Algorithm, base64: match[2]! });
  }
  return hashes;
}

/** The SRI sha512 of some bytes: what Hookpad stores with a package. */
export async function computeIntegrity(bytes: Uint8Array): Promise<string> {
  return `sha512-${await digestBase64('sha512', bytes)}`;
}

/**
 * Checks downloaded bytes against the registry's `integrity` (SRI: `sha512-…`, several hashes
 * separated by spaces) or legacy hex `shasum`. When a strong hash (SHA-256 or better) is
 * given, one of the strong hashes must match; SHA-1 alone counts only when nothing stronger is
 * given. Throws a PackageError naming the package, the expected and the actual hash.
 */
export async function verifyIntegrity(
  bytes: Uint8Array,
  integrity: string,
  packageLabel: string,
): Promise<void> {
  const hashes = expectedHashes(integrity);
  if (hashes.length === 0) {
    throw new PackageError(
      `Cannot verify ${packageLabel}: its integrity "${integrity.slice(0, 120)}" names no hash Hookpad knows (sha512, sha384, sha256, sha1).`,
    );
  }
  const strong = hashes.filter((hash) => STRONG.includes(hash.algorithm));
  const candidates = strong.length > 0 ? strong : hashes;
  const actual = new Map<Algorithm, string>();
  for (const { algorithm, base64 } of candidates) {
    if (!actual.has(algorithm)) actual.set(algorithm, await digestBase64(algorithm, bytes));
    if (actual.get(algorithm) === base64) return;
  }
  const expected = candidates.map((hash) => `${hash.algorithm}-${hash.base64}`).join(' ');
  const got = [...actual].map(([algorithm, base64]) => `${algorithm}-${base64}`).join(' ');
  throw new PackageError(
    `Integrity check failed for ${packageLabel}: expected ${expected}, got ${got}. The download was discarded.`,
  );
}

/**
 * The SRI sha512 of a package's files, for a package that has no tarball (one taken from a
 * zip of node_modules): the digest of the files as `[path, text]` pairs in path order, as
 * JSON, so the same files always give the same digest.
 */
export async function filesIntegrity(files: Record<string, string>): Promise<string> {
  const pairs = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return computeIntegrity(new TextEncoder().encode(JSON.stringify(pairs)));
}
