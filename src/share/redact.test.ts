import { describe, expect, it } from 'vitest';
import { createRedactor, PASSWORD_PLACEHOLDER, payloadPassword, planRedaction } from './redact';
import { secretPlaceholder } from '../core/maskSecrets';

const rows = (secrets: Record<string, string>) =>
  Object.entries(secrets).map(([name, value]) => ({ name, value }));

describe('createRedactor', () => {
  it('replaces every occurrence of each value by its placeholder', () => {
    const redact = createRedactor([
      { value: 'sk_live_1', placeholder: '<secret:KEY>' },
      { value: 'tok', placeholder: '<secret:TOKEN>' },
    ]);
    expect(redact.text('key=sk_live_1&t=tok; again sk_live_1')).toBe(
      'key=<secret:KEY>&t=<secret:TOKEN>; again <secret:KEY>',
    );
  });

  it('replaces the longest value first, so a value containing another is replaced whole', () => {
    const redact = createRedactor([
      { value: 'abc', placeholder: '<secret:SHORT>' },
      { value: 'abcdef', placeholder: '<secret:LONG>' },
    ]);
    expect(redact.text('abcdef abc')).toBe('<secret:LONG> <secret:SHORT>');
  });

  it('never rescans the placeholders it inserted', () => {
    // "secret" and "<" occur in the placeholder text itself.
    const redact = createRedactor([
      { value: 'secret', placeholder: '<secret:A>' },
      { value: '<', placeholder: '<secret:B>' },
      { value: 'A', placeholder: '<secret:C>' },
    ]);
    expect(redact.text('secret < A')).toBe('<secret:A> <secret:B> <secret:C>');
  });

  it('redacts values of one to three characters too', () => {
    const redact = createRedactor([{ value: '7', placeholder: '<secret:PIN>' }]);
    expect(redact.text('code 171')).toBe('code 1<secret:PIN>1');
  });

  it('treats regular-expression characters literally', () => {
    const redact = createRedactor([{ value: 'a.b*(c)', placeholder: '<secret:X>' }]);
    expect(redact.text('a.b*(c) axb')).toBe('<secret:X> axb');
  });

  it('ignores empty values: they hide nothing', () => {
    const redact = createRedactor([{ value: '', placeholder: '<secret:EMPTY>' }]);
    expect(redact.text('anything')).toBe('anything');
    expect(redact.values).toEqual([]);
  });

  it('finds values as JSON strings, console output and URLs write them', () => {
    const value = `it's "a b"/\\`;
    const redact = createRedactor([{ value, placeholder: '<secret:X>' }]);
    expect(redact.text(JSON.stringify({ v: value }))).toBe('{"v":"<secret:X>"}');
    expect(redact.text(`{ v: 'it\\'s "a b"/\\\\' }`)).toBe(`{ v: '<secret:X>' }`);
    expect(redact.text(`https://x.example/?q=${encodeURIComponent(value)}`)).toBe(
      'https://x.example/?q=<secret:X>',
    );
  });

  it('redacts JSON values: strings, keys and numbers that spell a value', () => {
    const redact = createRedactor([
      { value: 'hunter2', placeholder: PASSWORD_PLACEHOLDER },
      { value: '424242', placeholder: '<secret:PIN>' },
    ]);
    expect(
      redact.json({
        user: { password: 'hunter2', note: 'pw is hunter2' },
        hunter2: [424242, 4242, true, null],
      }),
    ).toEqual({
      user: { password: '<redacted>', note: 'pw is <redacted>' },
      '<redacted>': ['<secret:PIN>', 4242, true, null],
    });
  });
});

describe('payloadPassword', () => {
  it('is the payload’s user.password when it is a non-empty string', () => {
    expect(payloadPassword({ user: { password: 'pw' } })).toBe('pw');
    expect(payloadPassword({ user: { password: '' } })).toBeNull();
    expect(payloadPassword({ user: { password: 12 } })).toBeNull();
    expect(payloadPassword({ user: 'x' })).toBeNull();
    expect(payloadPassword({ recipient: '1', context: {} })).toBeNull();
    expect(payloadPassword([{ user: { password: 'pw' } }])).toBeNull();
    expect(payloadPassword(null)).toBeNull();
  });
});

describe('planRedaction', () => {
  const payload = { user: { email: 'a@b.c', password: 'Passw0rd!' }, context: {} };

  it('hides secret values and the password, and says so', () => {
    const plan = planRedaction({
      secrets: rows({ API_KEY: 'sk_live_123', TOKEN: 'tok_456', EMPTY: '' }),
      payloads: [payload],
      includeSecrets: false,
      includePasswords: false,
    });
    expect(plan.redactions).toEqual([
      '2 secret values (API_KEY, TOKEN) replaced by placeholders',
      'user.password in the payload replaced by "<redacted>"',
    ]);
    expect(plan.withheldSecrets).toEqual(['API_KEY', 'TOKEN']);
    expect(plan.redactor.text('sk_live_123 tok_456 Passw0rd!')).toBe(
      `${secretPlaceholder('API_KEY')} ${secretPlaceholder('TOKEN')} <redacted>`,
    );
    expect(plan.warnings).toEqual([]);
  });

  it('says one secret in the singular', () => {
    const plan = planRedaction({
      secrets: rows({ API_KEY: 'sk_live_123' }),
      payloads: [],
      includeSecrets: false,
      includePasswords: false,
    });
    expect(plan.redactions).toEqual(['1 secret value (API_KEY) replaced by a placeholder']);
  });

  it('keeps what the user includes', () => {
    const secretsIn = planRedaction({
      secrets: rows({ API_KEY: 'sk_live_123' }),
      payloads: [payload],
      includeSecrets: true,
      includePasswords: false,
    });
    expect(secretsIn.redactions).toEqual(['user.password in the payload replaced by "<redacted>"']);
    expect(secretsIn.redactor.text('sk_live_123 Passw0rd!')).toBe('sk_live_123 <redacted>');

    const passwordIn = planRedaction({
      secrets: rows({ API_KEY: 'sk_live_123' }),
      payloads: [payload],
      includeSecrets: false,
      includePasswords: true,
    });
    expect(passwordIn.redactions).toEqual(['1 secret value (API_KEY) replaced by a placeholder']);
    expect(passwordIn.redactor.text('sk_live_123 Passw0rd!')).toBe('<secret:API_KEY> Passw0rd!');

    const everything = planRedaction({
      secrets: rows({ API_KEY: 'sk_live_123' }),
      payloads: [payload],
      includeSecrets: true,
      includePasswords: true,
    });
    expect(everything.redactions).toEqual([]);
    expect(everything.redactor.text('sk_live_123 Passw0rd!')).toBe('sk_live_123 Passw0rd!');
  });

  it('hides the values the last run used, and rows without a name', () => {
    const plan = planRedaction({
      secrets: [
        { name: ' API_KEY ', value: 'new-value' },
        { name: '', value: 'orphan-value' },
      ],
      runSecrets: { API_KEY: 'old-value' },
      payloads: [],
      includeSecrets: false,
      includePasswords: false,
    });
    expect(plan.redactor.text('new-value old-value orphan-value')).toBe(
      '<secret:API_KEY> <secret:API_KEY> <secret:row 2>',
    );
    expect(plan.redactions).toEqual(['2 secret values (API_KEY, row 2) replaced by placeholders']);
  });

  it("hides the secret values the hook's tests set, as it hides the hook's", () => {
    const plan = planRedaction({
      secrets: rows({ API_KEY: 'hook-value' }),
      testSecrets: [{ API_KEY: 'test-value', REGION: '' }, { SIGNING: 'signing-value' }],
      payloads: [],
      includeSecrets: false,
      includePasswords: false,
    });
    expect(plan.redactor.text('hook-value test-value signing-value')).toBe(
      '<secret:API_KEY> <secret:API_KEY> <secret:SIGNING>',
    );
    expect(plan.withheldSecrets).toEqual(['API_KEY', 'SIGNING']);

    const included = planRedaction({
      secrets: [],
      testSecrets: [{ SIGNING: 'signing-value' }],
      payloads: [],
      includeSecrets: true,
      includePasswords: false,
    });
    expect(included.redactor.text('signing-value')).toBe('signing-value');
  });

  it('hides the password of every payload given (the draft’s and the run’s)', () => {
    const plan = planRedaction({
      secrets: [],
      payloads: [payload, { user: { password: 'older-pw' } }, null],
      includeSecrets: false,
      includePasswords: false,
    });
    expect(plan.redactor.text('Passw0rd! older-pw')).toBe('<redacted> <redacted>');
    expect(plan.redactions).toEqual(['user.password in the payload replaced by "<redacted>"']);
  });

  it('warns that very short values are replaced wherever they occur', () => {
    const plan = planRedaction({
      secrets: rows({ PIN: '42' }),
      payloads: [{ user: { password: 'x' } }],
      includeSecrets: false,
      includePasswords: false,
    });
    expect(plan.warnings).toEqual([
      expect.stringMatching(/^The value of secret PIN is only 2 characters long/),
      expect.stringMatching(/^The user's password is only 1 character long/),
    ]);
  });

  it('has nothing to say when there is nothing to hide', () => {
    const plan = planRedaction({
      secrets: rows({ EMPTY: '' }),
      payloads: [{ user: { email: 'a@b.c' } }],
      includeSecrets: false,
      includePasswords: false,
    });
    expect(plan.redactions).toEqual([]);
    expect(plan.redactor.text('anything')).toBe('anything');
  });
});
