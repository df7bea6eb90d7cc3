import { describe, expect, it } from 'vitest';
import type { TestCase } from '../../core/testCases/testCaseSchema';
import { decodeShareLink, readShareFragment } from '../shareLink';
import { buildReproduction } from './buildReproduction';
import { section } from './markdownSection.testSupport';
import { draft, input, PASSWORD } from './reproductionInput.testSupport';

const TEST_SECRET = 'test-only-s3cret';

const tests: TestCase[] = [
  {
    id: 'test-1',
    name: 'adds the plan',
    payloadText: JSON.stringify({ user: { email: 'a@b.c', password: PASSWORD }, context: {} }),
    overrides: { secrets: { API_KEY: TEST_SECRET }, timeoutMs: 5000 },
    expectations: {
      outcome: { status: 'succeeded' },
      mergedUser: { contains: { app_metadata: { echoed: TEST_SECRET } } },
      console: [{ contains: `key ${TEST_SECRET}` }],
    },
  },
  {
    id: 'test-2',
    name: 'no overrides',
    payloadText: '{}',
    expectations: { response: { equals: {} } },
  },
];

const withTests = input({
  hook: { name: 'Add plan', pointId: 'pre-user-registration', draft: draft(), tests },
});

describe('buildReproduction: the tests', () => {
  it('says how many tests the hook has, and none when it has none', async () => {
    const { markdown } = await buildReproduction(withTests);
    expect(section(markdown, 'Runtime')).toContain('- Tests: 2 tests (the link carries them)');
    expect(section(markdown, 'Tests')).toContain('2 tests of this hook');
    const none = await buildReproduction(input());
    expect(section(none.markdown, 'Runtime')).toContain('- Tests: none');
    expect(section(none.markdown, 'Tests')).toMatch(/^\n## Tests\n\nnone\n?$/);
  });

  it('lists what each test overrides and expects, and the tests as JSON', async () => {
    const tests = section((await buildReproduction(withTests)).markdown, 'Tests');
    expect(tests).toContain('| adds the plan | secrets, timeout | outcome, merged user, console |');
    expect(tests).toContain('| no overrides | — | response |');
    expect(tests).toContain('```json\n[\n  {\n    "name": "adds the plan",');
  });

  it("hides the tests' secret values and passwords in the report and in its link", async () => {
    const { markdown, link, redactions } = await buildReproduction(withTests);
    expect(markdown).not.toContain(TEST_SECRET);
    expect(markdown).not.toContain(PASSWORD);
    expect(section(markdown, 'Tests')).toContain('<secret:API_KEY>');
    expect(redactions[0]).toMatch(/API_KEY/);

    const decoded = await decodeShareLink(readShareFragment(new URL(link).hash)!);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.tests).toHaveLength(2);
    const first = decoded.state.tests?.[0];
    expect(first?.overrides?.secrets).toEqual({ API_KEY: '' });
    expect(first?.payloadText).toContain('<redacted>');
    expect(JSON.stringify(decoded.state.tests)).not.toContain(TEST_SECRET);
  });

  it('with secrets included, the link carries the values the tests set', async () => {
    const { link } = await buildReproduction({ ...withTests, includeSecrets: true });
    const decoded = await decodeShareLink(readShareFragment(new URL(link).hash)!);
    expect(decoded.ok && decoded.state.tests?.[0]?.overrides?.secrets).toEqual({
      API_KEY: TEST_SECRET,
    });
  });
});
