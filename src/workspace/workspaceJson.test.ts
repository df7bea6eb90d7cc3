import { describe, expect, test } from 'vitest';
import type { HookRecord } from './hookRecord';
import { newHook, starterHookDraft } from './newHook';
import { WorkspaceFileSchema, exportWorkspaceJson, parseWorkspaceJson } from './workspaceJson';

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
    expect(parseWorkspaceJson(text)).toEqual({ hooks, problems: [] });
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
        JSON.stringify({ format: 'hookpad-workspace', version: 2, exportedAt: 0, hooks: [] }),
      ).problems,
    ).toEqual(['Workspace file version 2 is not supported: this Hookpad reads version 1.']);
  });
});
