import { MAX_SHARE_LINK_CHARS, overLimitText } from '../core/inputLimits';
import { endSentence } from '../workspace/errorText';
import { SHARE_FRAGMENT_PREFIX } from './shareFragment';
import {
  isCountLimitIssue,
  SHARE_LINK_VERSION,
  SharedStateLatestSchema,
  SharedStateSchema,
  upgradeSharedState,
  type SharedState,
} from './sharedStateSchemas';

export { readShareFragment } from './shareFragment';
export {
  SHARE_LINK_VERSION,
  SharedStateSchema,
  SharedStateV1Schema,
  SharedStateV2Schema,
  SharedStateV3Schema,
  SharedTestSchema,
  upgradeSharedState,
} from './sharedStateSchemas';
export type {
  AnySharedState,
  SharedState,
  SharedStateV1,
  SharedStateV2,
  SharedStateV3,
  SharedTest,
} from './sharedStateSchemas';

export type DecodedShareLink = { ok: true; state: SharedState } | { ok: false; message: string };

/**
 * A link inflates to at most this many bytes. Deflate compresses runs of equal bytes about
 * 1000:1, so without a cap a short link could make the page allocate gigabytes.
 */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** `pageUrl` with its fragment replaced by `#share=` + base64url(deflate-raw(UTF-8 JSON)). */
export async function encodeShareLink(state: SharedState, pageUrl: string): Promise<string> {
  const json = JSON.stringify(SharedStateLatestSchema.parse(state));
  const compressed = await pipeBytes(
    new TextEncoder().encode(json),
    new CompressionStream('deflate-raw'),
    Infinity,
  );
  const url = new URL(pageUrl);
  url.hash = '';
  return `${url.href}${SHARE_FRAGMENT_PREFIX}${toBase64Url(compressed)}`;
}

/** Decodes the token of a share link; never throws, says in words what is wrong. */
export async function decodeShareLink(token: string): Promise<DecodedShareLink> {
  // Refused before any decoding (docs/runtime-semantics.md §16.1).
  if (token.length > MAX_SHARE_LINK_CHARS) {
    return {
      ok: false,
      message: overLimitText('Characters of a share link', MAX_SHARE_LINK_CHARS),
    };
  }
  const bytes = fromBase64Url(token);
  if (!bytes) return { ok: false, message: 'the link is not valid base64url text.' };

  let json: string;
  try {
    const inflated = await pipeBytes(
      bytes,
      new DecompressionStream('deflate-raw'),
      MAX_INFLATED_BYTES,
    );
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof InflatedTooLargeError
          ? error.message
          : 'the link is damaged (its data cannot be decompressed).',
    };
  }

  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: 'the link does not contain JSON.' };
  }

  const version = versionProblem(value);
  if (version !== null) return { ok: false, message: version };
  const parsed = SharedStateSchema.safeParse(value);
  if (!parsed.success) {
    // A limit's refusal comes first: the link is refused for its size, whatever else is wrong.
    const issue = parsed.error.issues.find(isCountLimitIssue) ?? parsed.error.issues[0];
    if (issue && isCountLimitIssue(issue)) return { ok: false, message: issue.message };
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, message: endSentence(`${where}${issue?.message ?? 'unexpected content'}`) };
  }
  return { ok: true, state: upgradeSharedState(parsed.data) };
}

/** Why the link's `v` cannot be read, in words; null when it is a version this Hookpad reads. */
function versionProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'the link does not contain a Hookpad state.';
  }
  const v = (value as { v?: unknown }).v;
  const known = `this Hookpad reads versions 1 to ${SHARE_LINK_VERSION}`;
  if (typeof v === 'number' && Number.isInteger(v) && v > SHARE_LINK_VERSION) {
    return `this link was made by a newer Hookpad (share link version ${v}; ${known}). Open it in the newer Hookpad, or reload this page to get the latest version.`;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return null;
  return `v: the link has no valid version number (${known}).`;
}

class InflatedTooLargeError extends Error {}

async function pipeBytes(
  input: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([input]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InflatedTooLargeError(
        `the link's content is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  // btoa takes a "binary string"; build it in slices so long links do not overflow the
  // argument limit of String.fromCharCode.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  // A length of 1 mod 4 cannot come from any byte sequence.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
