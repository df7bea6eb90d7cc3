import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from './isQuotaExceeded';
import { storageErrorEvent } from './storageErrorEvent';

const quota = () => new DOMException('full', 'QuotaExceededError');

describe('isQuotaExceeded', () => {
  it('recognises the error, an aborted transaction, a failed request event and a cause', () => {
    expect(isQuotaExceeded(quota())).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaExceeded({ error: quota() })).toBe(true);
    expect(isQuotaExceeded({ target: { error: quota() } })).toBe(true);
    expect(isQuotaExceeded(new Error('write failed', { cause: quota() }))).toBe(true);
  });

  it('does not mistake other failures for a full storage', () => {
    expect(isQuotaExceeded(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
  });

  it('maps to the error events the app shows', () => {
    expect(storageErrorEvent(quota())).toMatchObject({ kind: 'quota' });
    expect(storageErrorEvent(quota()).message).toMatch(/storage is full/);
    expect(storageErrorEvent(new Error('x'), true)).toMatchObject({ kind: 'unavailable' });
    expect(storageErrorEvent(new Error('disk on fire'))).toMatchObject({
      kind: 'other',
      message: expect.stringContaining('disk on fire'),
    });
  });
});
