import { z } from 'zod';
import { JsonValueSchema, PointIdSchema, TimeoutMsSchema } from '../core/schemas';
import { HttpMockSchema, ModuleMockSchema } from '../core/networkSchemas';

/**
 * Version 1 of what a share link carries. Links live on in tickets and chats, so every
 * version's schema stays here unchanged and keeps being read; only the newest is written.
 */
export const SharedStateV1Schema = z.object({
  v: z.literal(1),
  point: PointIdSchema,
  code: z.string(),
  /** The parsed payload JSON (not its text). */
  payload: JsonValueSchema,
  timeoutMs: TimeoutMsSchema.optional(),
  secrets: z.record(z.string(), z.string()).optional(),
  /** HTTP mocks in order (the first match answers); present only when there are some. */
  mocks: z.array(HttpMockSchema).optional(),
  /** Module mocks (code assigning `module.exports`); present only when there are some. */
  modules: z.array(ModuleMockSchema).optional(),
  /** Names of modules answered by a recording proxy; present only when there are some. */
  autoMocks: z.array(z.string().min(1)).optional(),
  /** Present (true) only when unmatched requests go out for real. */
  allowNetwork: z.boolean().optional(),
});
export type SharedStateV1 = z.infer<typeof SharedStateV1Schema>;

/**
 * Version 2: a link carries a hook (its name and declared dependencies), and may name
 * secrets without their values. Whether the hook is enabled is not shared: that is a
 * decision of the receiver's workspace.
 */
export const SharedStateV2Schema = SharedStateV1Schema.extend({
  v: z.literal(2),
  /** The hook's name, as the sender had it (not checked against the name rule). */
  name: z.string().optional(),
  /** Declared npm dependencies, name → version; present only when there are some. */
  dependencies: z.record(z.string(), z.string()).optional(),
  /**
   * Secrets whose values were withheld: each is in `secrets` with the value "", so the
   * receiver sees which secrets the hook needs and that their values were not shared.
   */
  redactedSecrets: z.array(z.string()).optional(),
}).superRefine((state, ctx) => {
  state.redactedSecrets?.forEach((name, index) => {
    if (state.secrets?.[name] !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['redactedSecrets', index],
        message: `the withheld secret ${name} must be in secrets with the value ""`,
      });
    }
  });
});
export type SharedStateV2 = z.infer<typeof SharedStateV2Schema>;

/** Every version a link may carry, told apart by `v`. */
export const SharedStateSchema = z.discriminatedUnion('v', [
  SharedStateV1Schema,
  SharedStateV2Schema,
]);
export type AnySharedState = z.infer<typeof SharedStateSchema>;

/** The version links are written in; decoded links are upgraded to it. */
export const SHARE_LINK_VERSION = 2;
/** The newest shape: what the encoder writes and what decoding returns, whatever the link's version. */
export type SharedState = SharedStateV2;

/** A link's state in the newest shape. Each step adds only optional fields, so the content stays as it was. */
export function upgradeSharedState(state: AnySharedState): SharedState {
  switch (state.v) {
    case 1:
      return { ...state, v: 2 };
    case 2:
      return state;
  }
}

export type DecodedShareLink = { ok: true; state: SharedState } | { ok: false; message: string };

const FRAGMENT_PREFIX = '#share=';
/**
 * A link inflates to at most this many bytes. Deflate compresses runs of equal bytes about
 * 1000:1, so without a cap a short link could make the page allocate gigabytes.
 */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The share token in a location hash such as "#share=…", or null when there is none. */
export function readShareFragment(hash: string): string | null {
  return hash.startsWith(FRAGMENT_PREFIX) ? hash.slice(FRAGMENT_PREFIX.length) : null;
}

/** `pageUrl` with its fragment replaced by `#share=` + base64url(deflate-raw(UTF-8 JSON)). */
export async function encodeShareLink(state: SharedState, pageUrl: string): Promise<string> {
  const json = JSON.stringify(SharedStateV2Schema.parse(state));
  const compressed = await pipeBytes(
    new TextEncoder().encode(json),
    new CompressionStream('deflate-raw'),
    Infinity,
  );
  const url = new URL(pageUrl);
  url.hash = '';
  return `${url.href}${FRAGMENT_PREFIX}${toBase64Url(compressed)}`;
}

/** Decodes the token of a share link; never throws, says in words what is wrong. */
export async function decodeShareLink(token: string): Promise<DecodedShareLink> {
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
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, message: `${where}${issue?.message ?? 'unexpected content'}.` };
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
