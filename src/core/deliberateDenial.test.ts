import { describe, expect, test } from 'vitest';
import { deliberateDenial } from './deliberateDenial';
import type { FailureKind, RunOutcome } from './schemas';

const failed = (name: string, kind: FailureKind = 'callback-error'): RunOutcome => ({
  status: 'failed',
  kind,
  error: { name, message: 'no' },
  durationMs: 12,
});

describe('deliberateDenial', () => {
  test('a PreUserRegistrationError passed to cb denies the signup', () => {
    expect(deliberateDenial('pre-user-registration', failed('PreUserRegistrationError'))).toBe(
      'Signup denied',
    );
  });

  test("credentials exchange answers with the class's OAuth error", () => {
    expect(deliberateDenial('credentials-exchange', failed('InvalidScopeError'))).toBe(
      'invalid_scope',
    );
    expect(deliberateDenial('credentials-exchange', failed('InvalidRequestError'))).toBe(
      'invalid_request',
    );
    expect(deliberateDenial('credentials-exchange', failed('ServerError'))).toBe('server_error');
  });

  test('a SendPhoneMessageError passed to cb means the message is not sent', () => {
    expect(deliberateDenial('send-phone-message', failed('SendPhoneMessageError'))).toBe(
      'Message not sent',
    );
  });

  test('a plain Error, a throw or a rejection stays a failure', () => {
    expect(deliberateDenial('pre-user-registration', failed('Error'))).toBeNull();
    expect(
      deliberateDenial('pre-user-registration', failed('PreUserRegistrationError', 'thrown')),
    ).toBeNull();
    expect(
      deliberateDenial('credentials-exchange', failed('InvalidScopeError', 'rejected')),
    ).toBeNull();
    expect(deliberateDenial('send-phone-message', failed('PreUserRegistrationError'))).toBeNull();
  });

  test('at points whose response is ignored the error only gets logged', () => {
    expect(
      deliberateDenial('post-user-registration', failed('PreUserRegistrationError')),
    ).toBeNull();
    expect(deliberateDenial('post-change-password', failed('PreUserRegistrationError'))).toBeNull();
  });

  test('outcomes other than a failure are not denials', () => {
    expect(deliberateDenial('pre-user-registration', undefined)).toBeNull();
    expect(
      deliberateDenial('pre-user-registration', { status: 'succeeded', durationMs: 1 }),
    ).toBeNull();
    expect(
      deliberateDenial('pre-user-registration', { status: 'cancelled', durationMs: 1 }),
    ).toBeNull();
  });
});
