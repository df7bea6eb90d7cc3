import { PASSWORD_PLACEHOLDER, payloadPassword } from './redact';
import type { SharedState } from './shareLink';

/**
 * A short digest of a share link's token: the same link gives the same digest, so the hook it
 * opened can be found again. Two 32-bit FNV-1a hashes (different offsets) make collisions
 * between the links of one workspace practically impossible; this is no security measure.
 */
export function shareLinkDigest(token: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ token.length;
  for (let i = 0; i < token.length; i += 1) {
    const code = token.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
  }
  return `link-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** What a link did not carry, as phrases for the "Opened from a link" banner. */
export function leftOutOf(state: SharedState): string[] {
  const leftOut: string[] = [];
  const withheld = state.redactedSecrets ?? [];
  if (withheld.length > 0) {
    leftOut.push(
      `the value${withheld.length === 1 ? '' : 's'} of secret${withheld.length === 1 ? '' : 's'} ${withheld.join(', ')}`,
    );
  }
  if (payloadPassword(state.payload) === PASSWORD_PLACEHOLDER) leftOut.push('the user’s password');
  return leftOut;
}
