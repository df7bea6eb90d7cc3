import { describe, expect, test } from 'vitest';
import { compileUrlPattern, matchUrlPattern } from './matchUrlPattern';

describe('matchUrlPattern', () => {
  test('exact: as written or normalised, nothing else', () => {
    expect(matchUrlPattern('https://x.com/a?b=1', 'https://x.com/a?b=1')).toBe(true);
    expect(matchUrlPattern('https://x.com', 'https://x.com/')).toBe(true);
    expect(matchUrlPattern('https://X.com/a', 'https://x.com/a')).toBe(true);
    expect(matchUrlPattern('https://x.com/a', 'https://x.com/a/b')).toBe(false);
    expect(matchUrlPattern('https://x.com/a', 'http://x.com/a')).toBe(false);
    // Placeholders are not URLs, but a mock can still name them exactly.
    expect(matchUrlPattern('YOUR SLACK HOOK URL', 'YOUR SLACK HOOK URL')).toBe(true);
  });

  test('prefix ending in *', () => {
    expect(matchUrlPattern('https://api.x.com/v1/*', 'https://api.x.com/v1/users?id=1')).toBe(true);
    expect(matchUrlPattern('https://api.x.com/v1/*', 'https://api.x.com/v1/')).toBe(true);
    expect(matchUrlPattern('https://api.x.com/v1/*', 'https://api.x.com/v2/users')).toBe(false);
    expect(matchUrlPattern('*', 'https://anything.example/')).toBe(true);
  });

  test('/regex/ with flags', () => {
    expect(matchUrlPattern('/users\\/\\d+$/', 'https://x.com/users/42')).toBe(true);
    expect(matchUrlPattern('/users\\/\\d+$/', 'https://x.com/users/abc')).toBe(false);
    expect(matchUrlPattern('/SLACK\\.com/i', 'https://hooks.slack.com/services/T0')).toBe(true);
    expect(matchUrlPattern('/SLACK\\.com/', 'https://hooks.slack.com/services/T0')).toBe(false);
    // g and y would make test() stateful: they are ignored.
    const pattern = compileUrlPattern('/x/g');
    expect(pattern.ok && pattern.test('x') && pattern.test('x')).toBe(true);
  });

  test('an invalid regular expression matches nothing and says why', () => {
    expect(matchUrlPattern('/(unclosed/', 'https://x.com/(unclosed')).toBe(false);
    const compiled = compileUrlPattern('/(unclosed/');
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.reason).toMatch(/Invalid regular expression/);
  });
});
