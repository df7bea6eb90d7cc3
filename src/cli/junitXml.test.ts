import { describe, expect, it } from 'vitest';
import { junitXml, xmlEscape } from './junitXml';
import { parseXml } from './parseXml.testSupport';
import { errorReport, failedReport, passedReport, timedOutReport } from './reports.testSupport';

const AT = new Date('2026-01-02T03:04:05.000Z');

describe('junitXml', () => {
  const xml = junitXml([passedReport, failedReport, timedOutReport, errorReport], AT);
  const root = parseXml(xml);

  it('is well-formed XML with one testsuite per hook and the totals', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '4', failures: '2', errors: '1' });
    expect(
      root.children.map((suite) => [suite.name, suite.attributes.name, suite.attributes.tests]),
    ).toEqual([
      ['testsuite', 'signup-plan', '2'],
      ['testsuite', 'password-changed', '2'],
    ]);
    expect(root.children[0]!.attributes).toMatchObject({
      failures: '1',
      errors: '0',
      time: '1.546',
      timestamp: '2026-01-02T03:04:05.000Z',
    });
  });

  it('gives each test a testcase, and a failure holding the diff to a failed one', () => {
    const [passed, failed] = root.children[0]!.children;
    expect(passed).toMatchObject({
      name: 'testcase',
      attributes: {
        name: 'gives new users the default plan',
        classname: 'signup-plan',
        time: '0.012',
      },
      children: [],
    });
    expect(failed!.attributes.name).toBe('uses the "plan" secret');
    const failure = failed!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes).toEqual({
      message: 'expectation not met: response',
      type: 'failed',
    });
    expect(failure.text).toContain('user.app_metadata.plan: expected "pro", got "free & <basic>"');
    expect(failure.text).toContain('Expected: {"equals":');
  });

  it('reports a timed-out test as a failure and one that could not run as an error', () => {
    const [timedOut, error] = root.children[1]!.children;
    expect(timedOut!.children[0]).toMatchObject({
      name: 'failure',
      attributes: {
        type: 'timed-out',
        message: 'timed out after 2000 ms (the callback was never called)',
      },
    });
    expect(error!.children[0]).toMatchObject({
      name: 'error',
      attributes: { type: 'error', message: 'could not run: Secrets: row 1: The name is missing.' },
    });
  });

  it('stays well-formed whatever a hook prints or a test is named', () => {
    const nasty = 'a <b> & "c" \'d\' ]]> \u0000\u001b\uD800 é 🎉\r\nline';
    const report = {
      ...failedReport,
      hook: nasty,
      test: nasty,
      results: [
        {
          expectation: 'console[0]',
          passed: false,
          expected: { contains: nasty },
          actual: [nasty],
        },
      ],
    };
    const parsed = parseXml(junitXml([report], AT));
    const testcase = parsed.children[0]!.children[0]!;
    const readable = 'a <b> & "c" \'d\' ]]> \uFFFD\uFFFD\uFFFD é 🎉\r\nline';
    expect(testcase.attributes.name).toBe(readable);
    expect(testcase.children[0]!.text).toContain(`Actual:   ${JSON.stringify([nasty])}`);
  });
});

describe('xmlEscape', () => {
  it('escapes markup and line breaks and replaces what XML cannot hold', () => {
    expect(xmlEscape('<a href="x">&\'\n\u0007')).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;\uFFFD',
    );
  });
});
