import { secretPlaceholder } from '../core/maskSecrets';
import type { JsonValue } from '../core/schemas';

/** What the end user's password looks like in a reproduction. */
export const PASSWORD_PLACEHOLDER = '<redacted>';

/** Values this short also match where they are not the secret; the report says so. */
const SHORT_VALUE_LENGTH = 4;

/** One value to hide and what stands in its place. */
export interface Replacement {
  value: string;
  placeholder: string;
}

export interface Redactor {
  /** `text` with every hidden value replaced by its placeholder. */
  text(text: string): string;
  /** The same for a JSON value: strings (keys too), and numbers that spell a hidden value. */
  json(value: JsonValue): JsonValue;
  /** The raw values hidden, for checks such as "does the code contain one". */
  readonly values: readonly string[];
}

/**
 * A redactor for `replacements`. Besides its raw form, a value is also found as it is
 * written inside JSON strings, in Node's console output (quoted with ') and in URLs
 * (percent-encoded), since a hook logs and sends values in those forms. All forms are
 * replaced in one pass, longest first: a value that contains another is replaced whole,
 * and the placeholders inserted are never scanned again. Empty values hide nothing and
 * are ignored. When two replacements share a value, the first one's placeholder wins.
 */
export function createRedactor(replacements: readonly Replacement[]): Redactor {
  const placeholders = new Map<string, string>();
  const values: string[] = [];
  for (const { value, placeholder } of replacements) {
    if (value === '') continue;
    if (!values.includes(value)) values.push(value);
    for (const form of formsOf(value)) {
      if (!placeholders.has(form)) placeholders.set(form, placeholder);
    }
  }
  const forms = [...placeholders.keys()].sort((a, b) => b.length - a.length);
  const pattern = forms.length > 0 ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : null;

  const text = (input: string): string =>
    pattern === null || input === ''
      ? input
      : input.replace(pattern, (found) => placeholders.get(found) ?? found);

  const json = (value: JsonValue): JsonValue => {
    if (pattern === null) return value;
    if (typeof value === 'string') return text(value);
    if (typeof value === 'number') return placeholders.get(String(value)) ?? value;
    if (Array.isArray(value)) return value.map(json);
    if (value !== null && typeof value === 'object') {
      const out: { [key: string]: JsonValue } = {};
      for (const [key, item] of Object.entries(value)) out[text(key)] = json(item);
      return out;
    }
    return value;
  };

  return { text, json, values };
}

/** The ways a value shows up in what a hook logs and sends. */
function formsOf(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), nodeQuoted(value)]);
  try {
    forms.add(encodeURIComponent(value));
  } catch {
    // A lone surrogate cannot be percent-encoded, so it cannot appear that way either.
  }
  return [...forms];
}

/** The inside of a single-quoted string as Node's console prints it. */
function nodeQuoted(value: string): string {
  return value
    .replace(/(['\\])/g, '\\$1')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The payload's `user.password` when it is a non-empty string (the points with a user). */
export function payloadPassword(payload: JsonValue | null | undefined): string | null {
  if (!isObject(payload)) return null;
  const user = payload['user'];
  if (!isObject(user)) return null;
  const password = user['password'];
  return typeof password === 'string' && password !== '' ? password : null;
}

const isObject = (value: unknown): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface RedactionInput {
  /** The hook's secret rows, in order (a row without a name is still hidden). */
  secrets: readonly { name: string; value: string }[];
  /** Secrets a run used, which may be older values of the rows: hidden too. */
  runSecrets?: Readonly<Record<string, string>>;
  /** The secrets each of the hook's tests sets in its overrides: hidden like the hook's. */
  testSecrets?: readonly Readonly<Record<string, string>>[];
  /** Payloads whose `user.password` is hidden (the draft's and the last run's). */
  payloads: readonly (JsonValue | null | undefined)[];
  includeSecrets: boolean;
  includePasswords: boolean;
}

export interface RedactionPlan {
  redactor: Redactor;
  /** What was hidden, as sentences, e.g. "2 secret values (API_KEY, TOKEN) replaced by placeholders". */
  redactions: string[];
  /** Caveats about the redaction, as sentences. */
  warnings: string[];
  /** Names of the secrets whose values are withheld (those with a value). */
  withheldSecrets: string[];
}

/** What to hide for a reproduction, and how to say it. */
export function planRedaction(input: RedactionInput): RedactionPlan {
  const replacements: Replacement[] = [];
  const redactions: string[] = [];
  const warnings: string[] = [];
  const withheldSecrets: string[] = [];

  if (!input.includeSecrets) {
    const named = input.secrets.map((row, index) => ({
      name: row.name.trim() === '' ? `row ${index + 1}` : row.name.trim(),
      value: row.value,
    }));
    const all = [
      ...named,
      ...[input.runSecrets ?? {}, ...(input.testSecrets ?? [])].flatMap((secrets) =>
        Object.entries(secrets).map(([name, value]) => ({ name, value })),
      ),
    ];
    for (const { name, value } of all) {
      if (value === '') continue;
      replacements.push({ value, placeholder: secretPlaceholder(name) });
      if (!withheldSecrets.includes(name)) withheldSecrets.push(name);
      if (value.length < SHORT_VALUE_LENGTH) {
        warnings.push(
          `The value of secret ${name} is only ${plural(value.length, 'character')} long: every occurrence of it was replaced, also where it was not the secret.`,
        );
      }
    }
    if (withheldSecrets.length > 0) {
      const n = withheldSecrets.length;
      redactions.push(
        `${plural(n, 'secret value')} (${withheldSecrets.join(', ')}) replaced by ${
          n === 1 ? 'a placeholder' : 'placeholders'
        }`,
      );
    }
  }

  if (!input.includePasswords) {
    const passwords = [...new Set(input.payloads.map(payloadPassword))].filter(
      (password): password is string => password !== null,
    );
    for (const password of passwords) {
      replacements.push({ value: password, placeholder: PASSWORD_PLACEHOLDER });
      if (password.length < SHORT_VALUE_LENGTH) {
        warnings.push(
          `The user's password is only ${plural(password.length, 'character')} long: every occurrence of it was replaced, also where it was not the password.`,
        );
      }
    }
    if (passwords.length > 0) {
      redactions.push(`user.password in the payload replaced by "${PASSWORD_PLACEHOLDER}"`);
    }
  }

  return { redactor: createRedactor(replacements), redactions, warnings, withheldSecrets };
}

export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
