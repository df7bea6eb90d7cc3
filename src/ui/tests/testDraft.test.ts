import { describe, expect, it } from 'vitest';
import type { TestCase } from '../../core/testCases/testCaseSchema';
import { checkTestDraft, testDraftOf } from './testDraft';

const TEST: TestCase = {
  id: 't1',
  name: 'Gold plan',
  payloadText: '{ "user": {} }',
  overrides: { timeoutMs: 1000 },
  expectations: { outcome: { status: 'succeeded' }, response: { contains: { user: {} } } },
};

describe('checkTestDraft', () => {
  it('gives back the same test from its own draft', () => {
    expect(checkTestDraft('t1', testDraftOf(TEST))).toEqual({ ok: true, test: TEST });
  });

  it('drops empty overrides, so the test runs with the hook settings', () => {
    const draft = { ...testDraftOf(TEST), overridesText: '{}' };
    const check = checkTestDraft('t1', draft);
    expect(check.ok && check.test.overrides).toBeUndefined();
    expect(checkTestDraft('t1', { ...draft, overridesText: ' ' }).ok).toBe(true);
  });

  it('names the schema problem of the expectations, at its path', () => {
    const check = checkTestDraft('t1', {
      ...testDraftOf(TEST),
      expectationsText: '{ "outcome": { "status": "won" }, "respons": {} }',
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.problems)).toEqual(['expectationsText']);
    expect(check.problems.expectationsText).toMatch(/outcome/);
  });

  it('refuses text that is not JSON, an empty name and a bad override', () => {
    const check = checkTestDraft('t1', {
      name: '  ',
      payloadText: '{ user: }',
      expectationsText: '{',
      overridesText: '{ "timeoutMs": "soon" }',
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.name).toBe('A test needs a name.');
    expect(check.problems.payloadText).toMatch(/^Not valid JSON/);
    expect(check.problems.expectationsText).toMatch(/^Not valid JSON/);
    expect(check.problems.overridesText).toMatch(/timeoutMs/);
  });
});
