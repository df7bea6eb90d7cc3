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
  const forms = [...placeholders.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return (text) =>
    text === '' ? text : text.replace(pattern, (found) => placeholders.get(found) ?? found);
}

/** `text` masked with `secrets`; see createSecretMask. */
export function maskSecrets(text: string, secrets: SecretValues): string {
  return createSecretMask(secrets)(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
