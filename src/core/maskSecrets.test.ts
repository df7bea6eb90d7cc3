import { describe, expect, it } from 'vitest';
import {
  createSecretMask,
  isMaskable,
  maskSecrets,
  secretPlaceholder,
  unmaskedReason,
} from './maskSecrets';

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
