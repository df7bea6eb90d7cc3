import { describe, expect, test } from 'vitest';
import type { TestCase } from '../core/testCases/testCaseSchema';
import type { HookRecord } from './hookRecord';
import { newHook, starterHookDraft } from './newHook';
import { WorkspaceFileSchema, exportWorkspaceJson, parseWorkspaceJson } from './workspaceJson';

const signupTest: TestCase = {
  id: 'test-1',
  name: 'adds the plan',
  payloadText: '{ "user": { "email": "a@b.c" } }',
  overrides: { secrets: { API_KEY: 'test-k3y', EMPTY: '' }, timeoutMs: 5000 },
  expectations: { outcome: { status: 'succeeded' }, response: { contains: { user: {} } } },
};
const plainTest: TestCase = {
  id: 'test-2',
  name: 'no overrides',
  payloadText: '{}',
  expectations: { outcome: { status: 'succeeded' } },
};

function record(name: string): HookRecord {
  const base = newHook({ pointId: 'pre-user-registration', name, enabled: true, now: 100 });
  const draft = {
    ...base.draft,
    secrets: [
      { id: 'secret-1', name: 'API_KEY', value: 'k3y' },
      { id: 'secret-2', name: 'OLD', value: '', notExported: true },
    ],
    dependencies: { lodash: '4.17.21' },
    network: {
      mocks: [],
      allowNetwork: true,
      moduleMocks: [],
      autoMocks: ['axios'],
    },
  };
  return {
    ...base,
    draft,
    storage: { data: { signups: 3, last: 'user1' }, etag: '4' },
    versions: [
      {
        id: 'version-a',
        savedAt: 150,
        message: 'before the metadata',
        pointId: 'post-user-registration',
        draft: { ...starterHookDraft('post-user-registration'), secrets: draft.secrets },
      },
      { id: 'version-b', savedAt: 180, message: '', pointId: 'pre-user-registration', draft },
    ],
    tests: [signupTest, plainTest],
    updatedAt: 200,
    rev: 5,
  };
}

describe('workspace JSON', () => {
  test('round-trips whole records, versions and storage included', () => {
    const hooks = [record('first'), record('second')];
    const text = exportWorkspaceJson(hooks, { includeSecrets: true }, 1234);

    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain('\n  "format": "hookpad-workspace",');
    const file = WorkspaceFileSchema.parse(JSON.parse(text));
    expect(file.exportedAt).toBe(1234);
    expect(file.version).toBe(2);
    expect(file.secretValuesHidden).toBeUndefined();
    expect(parseWorkspaceJson(text)).toEqual({ hooks, problems: [] });
    expect(parseWorkspaceJson(text).hooks[0]?.tests).toEqual([signupTest, plainTest]);
  });

  test('without secrets, the values a test sets are "" and the file says secretValuesHidden', () => {
    const text = exportWorkspaceJson([record('first')], { includeSecrets: false });
    expect(text).not.toContain('test-k3y');
    expect(JSON.parse(text)).toMatchObject({ secretValuesHidden: true });
    const { hooks, problems } = parseWorkspaceJson(text);
    expect(hooks[0]?.tests).toEqual([
      { ...signupTest, overrides: { secrets: { API_KEY: '', EMPTY: '' }, timeoutMs: 5000 } },
      plainTest,
    ]);
    expect(problems).toEqual([
      'Warning: hook "first" has tests whose secret values were not exported: they are empty, and those tests run with empty secrets.',
    ]);
  });

  test('a version 1 file still imports: its hooks get no tests', () => {
    const old = record('old');
    const v2 = JSON.parse(exportWorkspaceJson([old], { includeSecrets: true })) as {
      version: number;
      hooks: Record<string, unknown>[];
    };
    const v1 = {
      ...v2,
      version: 1,
      hooks: v2.hooks.map(({ tests: _tests, ...rest }) => rest),
    };
    const { hooks, problems } = parseWorkspaceJson(JSON.stringify(v1));
    expect(problems).toEqual([]);
    expect(hooks).toEqual([{ ...old, tests: [] }]);
  });

  test('without secrets, every value (drafts and versions) is empty and marked notExported', () => {
    const text = exportWorkspaceJson([record('first')], { includeSecrets: false });
    expect(text).not.toContain('k3y');
    const [hook] = parseWorkspaceJson(text).hooks;
    const hiddenRows = [
      { id: 'secret-1', name: 'API_KEY', value: '', notExported: true },
      { id: 'secret-2', name: 'OLD', value: '', notExported: true },
    ];
    expect(hook?.draft.secrets).toEqual(hiddenRows);
    expect(hook?.versions.map((version) => version.draft.secrets)).toEqual([
      hiddenRows,
      hiddenRows,
    ]);
    expect(hook?.storage).toEqual({ data: { signups: 3, last: 'user1' }, etag: '4' });
  });

  test('a corrupt record is reported by index and name; the others are kept', () => {
    const good = record('good');
    const file = JSON.parse(exportWorkspaceJson([good], { includeSecrets: true })) as {
      hooks: unknown[];
    };
    file.hooks.unshift({ ...good, name: 'broken', pointId: 'password-exchange' });
    file.hooks.push(42);

    const result = parseWorkspaceJson(JSON.stringify(file));
    expect(result.hooks).toEqual([good]);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatch(/^hooks\[0\] "broken" was skipped: pointId: /);
    expect(result.problems[1]).toMatch(/^hooks\[2\] was skipped: /);
  });

  test('what is not a workspace file is one problem, never an exception', () => {
    expect(parseWorkspaceJson('{ nope')).toEqual({
      hooks: [],
      problems: [expect.stringMatching(/^Not valid JSON: /)],
    });
    expect(parseWorkspaceJson('[]').problems).toEqual([
      expect.stringMatching(/^Not a Hookpad workspace file: /),
    ]);
    expect(
      parseWorkspaceJson(JSON.stringify({ format: 'other', version: 1, exportedAt: 0, hooks: [] }))
        .problems[0],
    ).toMatch(/format must be "hookpad-workspace"/);
    expect(
      parseWorkspaceJson(
        JSON.stringify({ format: 'hookpad-workspace', version: 3, exportedAt: 0, hooks: [] }),
      ).problems,
    ).toEqual(['Workspace file version 3 is not supported: this Hookpad reads versions 1 to 2.']);
  });
});
