import { describe, expect, test } from 'vitest';
import { formatApiCall } from './formatApiCall';

describe('formatApiCall', () => {
  test('writes the call with its arguments as JSON, in order', () => {
    expect(formatApiCall({ method: 'api.user.setUserMetadata', args: ['plan', 'gold'] })).toBe(
      'api.user.setUserMetadata("plan", "gold")',
    );
    expect(
      formatApiCall({
        method: 'api.accessToken.setCustomClaim',
        args: ['https://x/y', { a: [1, true] }],
      }),
    ).toBe('api.accessToken.setCustomClaim("https://x/y", {"a":[1,true]})');
    expect(formatApiCall({ method: 'api.access.deny', args: [] })).toBe('api.access.deny()');
  });
});
