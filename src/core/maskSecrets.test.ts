import { describe, expect, it } from 'vitest';
import {
  createSecretMask,
  isMaskable,
  maskSecrets,
  secretPlaceholder,
  unmaskedReason,
} from './maskSecrets';
import { MAX_SECRETS } from './inputLimits';

describe('maskSecrets', () => {
  it('replaces every occurrence of a value by its secret’s placeholder', () => {
    expect(
      maskSecrets('mallory@evil.com, again evil.com; key=s3cr3t-42', {
        DOMAIN: 'evil.com',
        API_KEY: 's3cr3t-42',
      }),
    ).toBe('mallory@<secret:DOMAIN>, again <secret:DOMAIN>; key=<secret:API_KEY>');
  });

  it('formats the placeholder as <secret:NAME>', () => {
    expect(secretPlaceholder('TOKEN')).toBe('<secret:TOKEN>');
  });

  it('masks the longest value first, so a value containing another is masked whole', () => {
    expect(
      maskSecrets('url https://evil.com/x and evil.com', {
        HOST: 'evil.com',
        URL: 'https://evil.com/x',
      }),
    ).toBe('url <secret:URL> and <secret:HOST>');
  });

  it('never masks values shorter than 6 characters', () => {
    expect(maskSecrets('true abc 12345 hello', { FLAG: 'true', A: 'abc', B: 'hello' })).toBe(
      'true abc 12345 hello',
    );
    expect(maskSecrets('sixsix', { SIX: 'sixsix' })).toBe('<secret:SIX>');
  });

  it('never masks numbers or booleans, however long', () => {
    expect(
      maskSecrets('port 12345678 pi 3.14159 e 1e+100', {
        P: '12345678',
        PI: '3.14159',
        E: '1e+100',
      }),
    ).toBe('port 12345678 pi 3.14159 e 1e+100');
    expect(maskSecrets('id 0123456', { ID: '0123456' })).toBe('id <secret:ID>');
  });

  it('says why a value is left unmasked', () => {
    expect(unmaskedReason('')).toBe('empty');
    expect(unmaskedReason('true')).toBe('too-short');
    expect(unmaskedReason('false')).toBe('too-short');
    expect(unmaskedReason('-12.5e3')).toBe('number');
    expect(unmaskedReason('123456')).toBe('number');
    expect(unmaskedReason('evil.com')).toBeNull();
    expect(isMaskable('evil.com')).toBe(true);
    expect(isMaskable('12345678')).toBe(false);
  });

  it('masks a value as it is written inside a JSON string', () => {
    const mask = createSecretMask({ QUOTED: 'say "hi"\n' });
    expect(mask(JSON.stringify({ v: 'say "hi"\n' }))).toBe('{"v":"<secret:QUOTED>"}');
  });

  it('shows the first name when two secrets share a value', () => {
    expect(maskSecrets('v=shared-value', { A: 'shared-value', B: 'shared-value' })).toBe(
      'v=<secret:A>',
    );
  });

  it('treats regular expression characters in values literally', () => {
    expect(maskSecrets('p=a.b*c(x) a-b-c-x-', { P: 'a.b*c(x)' })).toBe('p=<secret:P> a-b-c-x-');
    expect(maskSecrets('$&$&$& and $1', { D: '$&$&$&' })).toBe('<secret:D> and $1');
  });

  it('does not mask across its own placeholders', () => {
    // A value may look like part of a placeholder; replacement is one pass over the original.
    expect(maskSecrets('xxxxxx secret:', { A: 'xxxxxx', B: '<secret:A>' })).toBe(
      '<secret:A> secret:',
    );
  });

  it('returns the text unchanged without secrets', () => {
    expect(maskSecrets('plain', {})).toBe('plain');
  });
});

describe('masking is linear in the text, whatever the number of secrets', () => {
  /** The masking of one regular expression built from every value: what the mask must equal. */
  function reference(text: string, secrets: Record<string, string>): string {
    const placeholders = new Map<string, string>();
    for (const [name, value] of Object.entries(secrets)) {
      if (!isMaskable(value)) continue;
      for (const form of [value, JSON.stringify(value).slice(1, -1)]) {
        if (!placeholders.has(form)) placeholders.set(form, secretPlaceholder(name));
      }
    }
    const forms = [...placeholders.keys()].sort((a, b) => b.length - a.length);
    const escaped = forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return text.replace(new RegExp(escaped.join('|'), 'g'), (found) => placeholders.get(found)!);
  }

  /** Secrets sharing a long prefix, the hardest case for a scan by first characters. */
  const manySecrets = (count: number): Record<string, string> =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`KEY_${i}`, `sk_live_${i.toString(36)}_"q"`]),
    );

  it('agrees with one regular expression of every value, on overlaps, escapes and edges', () => {
    const secrets = { ...manySecrets(40), A: 'abcdef', AB: 'abcdefgh', Q: 'say "hi" now' };
    const text = [
      'abcdefgh abcdef abcde sk_live_1_"q" sk_live_1_\\"q\\" sk_live_',
      JSON.stringify({ said: 'say "hi" now', key: 'sk_live_z_"q"' }),
      'abcdef',
    ].join('|');
    expect(maskSecrets(text, secrets)).toBe(reference(text, secrets));
    expect(maskSecrets('abcdef', secrets)).toBe('<secret:A>');
    expect(maskSecrets('xabcdef', secrets)).toBe('x<secret:A>');
    expect(maskSecrets('abcdex', secrets)).toBe('abcdex');
  });

  it(`${MAX_SECRETS} secrets over a 1 MB text: masked in well under a second`, () => {
    const secrets = manySecrets(MAX_SECRETS);
    const values = Object.values(secrets);
    const parts: string[] = [];
    for (let i = 0, length = 0; length < 1_000_000; i += 1) {
      parts.push(`line ${i} sk_live_ token ${values[i % values.length]} lorem ipsum dolor\n`);
      length += parts[i]!.length;
    }
    const text = parts.join('');
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const started = performance.now();
    const masked = createSecretMask(secrets)(text);
    const took = performance.now() - started;
    expect(took).toBeLessThan(1_000);
    expect(masked).not.toContain('_"q"');
    expect(masked).toContain('token <secret:KEY_0> lorem');
    expect(masked === reference(text, secrets)).toBe(true);
  });
});
