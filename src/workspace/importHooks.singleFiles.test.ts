import { describe, expect, test } from 'vitest';
import { getPoint, points } from '../core/points';
import { importFiles } from './importHooks';
import { file } from './importFixtures.testSupport';
import { newHook, starterHookDraft } from './newHook';
import { exportWorkspaceJson } from './workspaceJson';

describe('single .js files', () => {
  test.each(points.map((point) => [point.id]))('the %s starter code is recognised', (pointId) => {
    const result = importFiles([file('starter.js', getPoint(pointId).starterCode)]);
    expect(result.problems).toEqual([]);
    expect(result.hooks).toHaveLength(1);
    expect(result.hooks[0]).toMatchObject({
      source: 'starter.js',
      pointGuessed: true,
      record: { name: 'starter', pointId, enabled: false },
    });
    expect(result.hooks[0]?.record.draft.payloadText).toBe(starterHookDraft(pointId).payloadText);
  });

  test('the name comes from the file name, made to follow the name rule', () => {
    const result = importFiles([
      file(
        'downloads/my_hook (1).js',
        'module.exports = function (recipient, text, context, cb) { cb(); };',
      ),
    ]);
    expect(result.hooks[0]?.record.name).toBe('my-hook-1');
    expect(result.hooks[0]?.record.pointId).toBe('send-phone-message');
  });

  test('other files given on their own are problems; nothing at all is one too', () => {
    expect(importFiles([file('notes.txt', 'hello')]).problems).toEqual([
      {
        file: 'notes.txt',
        message: 'Not a hook file: Hookpad imports .js, .json, .yaml, .yml and .zip files.',
      },
    ]);
    const folder = importFiles([
      file('tenant/rules/r.js', 'x'),
      file('tenant/pages/login.html', '<p>'),
    ]);
    expect(folder.hooks).toEqual([]);
    expect(folder.problems).toHaveLength(1);
    expect(folder.problems[0]?.file).toBe('tenant');
    expect(folder.problems[0]?.message).toMatch(/^No hooks found: /);
  });
});

describe('Hookpad workspace files', () => {
  test('records are re-created with fresh ids; name, point, enabled, draft, storage and versions kept', () => {
    const original = {
      ...newHook({ pointId: 'post-user-registration', name: 'kept', enabled: true, now: 1 }),
      storage: { data: { count: 2 }, etag: '3' },
      rev: 7,
      versions: [
        {
          id: 'version-1',
          savedAt: 5,
          message: 'first',
          pointId: 'post-user-registration' as const,
          draft: starterHookDraft('post-user-registration'),
        },
      ],
    };
    const text = exportWorkspaceJson([original], { includeSecrets: true }, 10);
    const result = importFiles([file('workspace.json', text)]);

    expect(result.problems).toEqual([]);
    const [hook] = result.hooks;
    expect(hook?.source).toBe('workspace.json');
    expect(hook?.pointGuessed).toBeUndefined();
    expect(hook?.record.id).not.toBe(original.id);
    expect(hook?.record.rev).toBe(0);
    expect(hook?.record).toMatchObject({
      name: 'kept',
      pointId: 'post-user-registration',
      enabled: true,
      draft: original.draft,
      storage: original.storage,
    });
    expect(hook?.record.versions).toHaveLength(1);
    expect(hook?.record.versions[0]).toMatchObject({ savedAt: 5, message: 'first' });
    expect(hook?.record.versions[0]?.draft).toEqual(original.versions[0]?.draft);
  });

  test('tests come along with fresh ids, everything else of them kept', () => {
    const test0 = {
      id: 'test-a',
      name: 'succeeds',
      payloadText: '{}',
      expectations: { outcome: { status: 'succeeded' as const } },
    };
    const original = {
      ...newHook({ pointId: 'credentials-exchange', name: 'tested' }),
      tests: [test0],
    };
    const text = exportWorkspaceJson([original], { includeSecrets: true });
    const [hook] = importFiles([file('workspace.json', text)]).hooks;

    expect(hook?.record.tests).toHaveLength(1);
    const { id, ...rest } = hook?.record.tests[0] ?? test0;
    expect(id).not.toBe('test-a');
    expect({ id: 'test-a', ...rest }).toEqual(test0);
  });

  test('a corrupt record is a problem of the file; the others are imported', () => {
    const good = newHook({ pointId: 'credentials-exchange', name: 'good' });
    const file0 = JSON.parse(exportWorkspaceJson([good], { includeSecrets: true })) as {
      hooks: unknown[];
    };
    file0.hooks.push({ name: 'bad', pointId: 'nowhere' });
    const result = importFiles([file('hookpad.json', JSON.stringify(file0))]);

    expect(result.hooks.map((hook) => hook.record.name)).toEqual(['good']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.file).toBe('hookpad.json');
    expect(result.problems[0]?.message).toMatch(/^hooks\[1\] "bad" was skipped: /);
  });
});
