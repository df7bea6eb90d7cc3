/** What an occurrence of a secret's value reads as wherever it is hidden: in outputs and reports. */
export const secretPlaceholder = (name: string): string => `<secret:${name}>`;

/** Shorter values turn up where they are not the secret, so masking them would mislead. */
export const MIN_MASKED_LENGTH = 6;

/** Why a secret's value is left as it is in the output, or null when it is masked. */
export type UnmaskedReason = 'empty' | 'too-short' | 'number' | 'boolean';

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Values that would hide ordinary output are never masked: the empty value, values shorter
 * than MIN_MASKED_LENGTH, and values that as text are a JSON number or boolean.
 */
export function unmaskedReason(value: string): UnmaskedReason | null {
  if (value === '') return 'empty';
  if (value.length < MIN_MASKED_LENGTH) return 'too-short';
  if (JSON_NUMBER.test(value)) return 'number';
  if (value === 'true' || value === 'false') return 'boolean';
  return null;
}

export const isMaskable = (value: string): boolean => unmaskedReason(value) === null;

/** Secrets by name, or as [name, value] pairs when names may repeat. */
export type SecretValues =
  Readonly<Record<string, string>> | readonly (readonly [string, string])[];

/**
 * A mask for `secrets`: it replaces every occurrence of a maskable value by
 * its secret's placeholder. A value is found as it is and as written inside a JSON string
 * (escaped quotes, backslashes, control characters), so formatted JSON is covered too.
 * One pass, longest first: a value that contains another is masked whole and the
 * placeholders inserted are never scanned again. When two secrets share a value, the first
 * one's name is shown. Pure and for display only: the data the text came from stays as it was.
 *
 * Linear in the text whatever the number of secrets (docs/runtime-semantics.md §3): every
 * maskable form is at least MIN_MASKED_LENGTH characters, so the text's windows of that
 * length are hashed as they roll, and where a window starts some form, one map lookup per
 * distinct length of such forms finds it — not one alternative per secret at every position.
 */
export function createSecretMask(secrets: SecretValues): (text: string) => string {
  const placeholders = new Map<string, string>();
  const entries = Array.isArray(secrets) ? secrets : Object.entries(secrets);
  for (const [name, value] of entries) {
    if (!isMaskable(value)) continue;
    for (const form of [value, JSON.stringify(value).slice(1, -1)]) {
      if (!placeholders.has(form)) placeholders.set(form, secretPlaceholder(name));
    }
  }
  if (placeholders.size === 0) return (text) => text;
  // Per window hash, the lengths of the forms starting so, longest first: at a position the
  // first length whose text is a form gives the longest match, in one map lookup per length.
  const buckets = new Map<number, number[]>();
  // A bit per low 16 bits of a window hash: most windows start no form, and this says so
  // without a map lookup.
  const starts = new Uint8Array(1 << 16);
  for (const form of placeholders.keys()) {
    const key = windowHash(form, 0);
    starts[key & 0xffff] = 1;
    const lengths = buckets.get(key) ?? [];
    if (!lengths.includes(form.length)) {
      lengths.push(form.length);
      lengths.sort((a, b) => b - a);
    }
    buckets.set(key, lengths);
  }
  return (text) => {
    if (text.length < WINDOW) return text;
    let out = '';
    let last = 0;
    let at = 0;
    let hash = windowHash(text, 0);
    for (;;) {
      const found =
        starts[hash & 0xffff] === 1 ? formAt(text, at, buckets.get(hash), placeholders) : undefined;
      if (found !== undefined) {
        out += text.slice(last, at) + placeholders.get(found);
        at += found.length;
        last = at;
        if (at + WINDOW > text.length) break;
        hash = windowHash(text, at);
        continue;
      }
      if (at + WINDOW >= text.length) break;
      hash = rollHash(hash, text.charCodeAt(at), text.charCodeAt(at + WINDOW));
      at += 1;
    }
    return last === 0 ? text : out + text.slice(last);
  };
}

/** `text` masked with `secrets`; see createSecretMask. */
export function maskSecrets(text: string, secrets: SecretValues): string {
  return createSecretMask(secrets)(text);
}

/** The longest form of `placeholders` at `at`, trying the given lengths (longest first). */
function formAt(
  text: string,
  at: number,
  lengths: readonly number[] | undefined,
  placeholders: ReadonlyMap<string, string>,
): string | undefined {
  for (const length of lengths ?? []) {
    if (at + length > text.length) continue;
    const piece = text.slice(at, at + length);
    if (placeholders.has(piece)) return piece;
  }
  return undefined;
}

/** The hashed window: as long as the shortest maskable value. */
const WINDOW = MIN_MASKED_LENGTH;
const BASE = 31;
/** BASE to the power WINDOW - 1, in 32-bit arithmetic: the weight of a window's first character. */
const FIRST_WEIGHT = Array.from({ length: WINDOW - 1 }).reduce<number>(
  (weight) => Math.imul(weight, BASE),
  1,
);

/** A polynomial hash of the WINDOW characters of `text` from `at` (32-bit, wrapping). */
function windowHash(text: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + WINDOW; i += 1) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The window's hash moved one character on: `leaving` drops out, `entering` comes in. */
function rollHash(hash: number, leaving: number, entering: number): number {
  return (Math.imul(hash - Math.imul(leaving, FIRST_WEIGHT), BASE) + entering) | 0;
}
