import { describe, expect, it } from 'vitest';
import { getPoint } from './points';
import { payloadTypeWarnings } from './payloadTypeWarnings';
import { validateBody } from './validateBody';

const signup = (user: Record<string, unknown>) =>
  JSON.stringify(
    { ...(getPoint('pre-user-registration').defaultPayload as object), user },
    null,
    2,
  );

describe('payloadTypeWarnings', () => {
  it('warns at a documented field the platform accepts with another type', () => {
    const text = signup({ email: 'a@b.c', emailVerified: 'yes' });
    // The platform runs it: a warning, not an error.
    expect(validateBody(getPoint('pre-user-registration'), JSON.parse(text)).ok).toBe(true);
    const warnings = payloadTypeWarnings('pre-user-registration', text);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(text.slice(warning!.start, warning!.end)).toBe('"yes"');
    expect(warning!.message).toMatch(/^user\.emailVerified should be a boolean/);
  });

  it('is quiet for the documented payloads of every point', () => {
    for (const id of [
      'credentials-exchange',
      'pre-user-registration',
      'post-user-registration',
      'post-change-password',
      'send-phone-message',
    ] as const) {
      const text = JSON.stringify(getPoint(id).defaultPayload, null, 2);
      expect(payloadTypeWarnings(id, text)).toEqual([]);
    }
  });

  it('checks documented strings and objects in nested objects', () => {
    const text = JSON.stringify({
      client: { id: 7, metadata: 'plan' },
      scope: ['read', 2],
      audience: 'x',
    });
    const warnings = payloadTypeWarnings('credentials-exchange', text);
    expect(warnings.map((w) => text.slice(w.start, w.end))).toEqual(['7', '"plan"']);
  });

  it('leaves fields the platform checks to the schema (errors), and unknown fields alone', () => {
    const text = JSON.stringify({ recipient: 5, text: 'x', context: {}, extra: 1 });
    expect(payloadTypeWarnings('send-phone-message', text)).toEqual([]);
  });

  it('says nothing about text that is not JSON', () => {
    expect(payloadTypeWarnings('pre-user-registration', '{ "user": ')).toEqual([]);
  });
});
