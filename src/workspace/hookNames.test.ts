import { describe, expect, it } from 'vitest';
import { points } from '../core/points';
import { HOOK_NAME_PATTERN, HOOK_NAME_RULE } from './hookRecord';
import { hookNameProblem, isPointHookName, pointHookName, toHookName } from './hookNames';

describe('pointHookName', () => {
  it('is the point’s Dashboard label, a valid hook name', () => {
    expect(pointHookName('pre-user-registration')).toBe('Pre-User Registration');
    for (const point of points) {
      expect(pointHookName(point.id)).toBe(point.label);
      expect(pointHookName(point.id)).toMatch(HOOK_NAME_PATTERN);
    }
  });
});

describe('toHookName', () => {
  it('keeps letters, digits, spaces and hyphens, collapsing the rest into single spaces', () => {
    expect(toHookName('Mark VIPs', 'x')).toBe('Mark VIPs');
    expect(toHookName('Deny  sign-ups (from *.test)!', 'x')).toBe('Deny sign-ups from test');
    expect(toHookName('Ünïcode — names', 'x')).toBe('n code names');
  });

  it('trims spaces and hyphens at the ends so the result keeps the name rule', () => {
    expect(toHookName(' - hello - ', 'x')).toBe('hello');
    expect(toHookName('--a--', 'x')).toBe('a');
    for (const text of ['a', '!a!', '  -a b-  ', 'a - b', 'é a é']) {
      expect(toHookName(text, 'Fallback')).toMatch(HOOK_NAME_PATTERN);
    }
  });

  it('falls back when nothing usable is left', () => {
    expect(toHookName('', 'Fallback')).toBe('Fallback');
    expect(toHookName('!!! ---', 'Fallback')).toBe('Fallback');
    expect(toHookName('日本語', 'Fallback')).toBe('Fallback');
  });

  it('keeps at most 100 characters and never ends on a space or hyphen', () => {
    expect(toHookName('a'.repeat(150), 'x')).toBe('a'.repeat(100));
    const cut = toHookName(`${'a'.repeat(99)} - b`, 'x');
    expect(cut).toBe('a'.repeat(99));
    expect(cut).toMatch(HOOK_NAME_PATTERN);
  });
});

describe('isPointHookName', () => {
  it('is true for the point’s name, numbered or not', () => {
    expect(isPointHookName('Pre-User Registration', 'pre-user-registration')).toBe(true);
    expect(isPointHookName('Pre-User Registration 3', 'pre-user-registration')).toBe(true);
    expect(isPointHookName('Pre-User Registration', 'post-user-registration')).toBe(false);
    expect(isPointHookName('My hook', 'pre-user-registration')).toBe(false);
  });
});

describe('hookNameProblem', () => {
  it('gives the rule, or names the hook that has the name in any case', () => {
    expect(hookNameProblem('ok name', ['other'])).toBeNull();
    expect(hookNameProblem('-bad', [])).toBe(HOOK_NAME_RULE);
    expect(hookNameProblem('Taken', ['taken'])).toBe('Another hook is already named Taken.');
  });
});
