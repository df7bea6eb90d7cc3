import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { importFiles } from '../../workspace/importHooks';
import { newHook, starterHookDraft } from '../../workspace/newHook';
import { parseWorkspaceJson } from '../../workspace/workspaceJson';
import { EXPORT_FORMATS, buildExport, exportFormat, nameWarnings, secretsNote } from './exportPlan';

const withSecret = (name: string, pointId: 'pre-user-registration' | 'credentials-exchange') =>
  newHook({
    pointId,
    name,
    enabled: true,
    draft: {
      ...starterHookDraft(pointId),
      secrets: [{ id: `s-${name}`, name: 'API_KEY', value: 'abc123' }],
      dependencies: { axios: '1.6.8' },
    },
  });

const hooks = [
  withSecret('signup checks', 'pre-user-registration'),
  withSecret('cce', 'credentials-exchange'),
];

test('the formats and their file names', () => {
  expect(EXPORT_FORMATS.map((format) => [format.label, format.fileName])).toEqual([
    ['deploy-cli directory (zip)', 'hookpad-hooks.zip'],
    ['deploy-cli YAML (zip)', 'tenant-yaml.zip'],
    ['Hookpad workspace (JSON)', 'hookpad-workspace.json'],
  ]);
  expect(exportFormat('yaml').fileName).toBe('tenant-yaml.zip');
});

test('the secrets note says what becomes of the values', () => {
  expect(secretsNote('directory', false)).toContain('_VALUE_NOT_SHOWN_');
  expect(secretsNote('yaml', false)).toContain('_VALUE_NOT_SHOWN_');
  expect(secretsNote('workspace', false)).toMatch(/empty value, flagged as not exported/);
  expect(secretsNote('directory', true)).toMatch(/clear text/);
});

test('a name the platform would refuse is warned about', () => {
  const bad = newHook({ pointId: 'credentials-exchange', name: 'my_hook!' });
  const warnings = nameWarnings([...hooks, bad]);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/“my_hook!” breaks the platform's name rule/);
  expect(warnings[0]).toMatch(/deploy CLI would refuse it/);
  expect(nameWarnings(hooks)).toEqual([]);
});

describe('buildExport', () => {
  test('deploy-cli directory: a zip of hooks/<name>.js and .json, secrets hidden', async () => {
    const file = await buildExport('directory', hooks, false);
    expect(file.name).toBe('hookpad-hooks.zip');
    expect(file.type).toBe('application/zip');
    const entries = unzipSync(file.data as Uint8Array);
    expect(Object.keys(entries).sort()).toEqual([
      'hooks/cce.js',
      'hooks/cce.json',
      'hooks/signup-checks.js',
      'hooks/signup-checks.json',
    ]);
    const json = JSON.parse(strFromU8(entries['hooks/cce.json']!)) as Record<string, unknown>;
    expect(json).toMatchObject({
      name: 'cce',
      triggerId: 'credentials-exchange',
      enabled: true,
      script: './cce.js',
      secrets: { API_KEY: '_VALUE_NOT_SHOWN_' },
      dependencies: { axios: '1.6.8' },
    });
  });

  test('secret values only when asked', async () => {
    const file = await buildExport('directory', hooks, true);
    const entries = unzipSync(file.data as Uint8Array);
    const json = JSON.parse(strFromU8(entries['hooks/cce.json']!)) as { secrets: unknown };
    expect(json.secrets).toEqual({ API_KEY: 'abc123' });
  });

  test('deploy-cli YAML: a zip that imports back as the same hooks', async () => {
    const file = await buildExport('yaml', hooks, false);
    expect(file.name).toBe('tenant-yaml.zip');
    const result = importFiles([{ path: file.name, bytes: file.data as Uint8Array }]);
    expect(result.problems).toEqual([]);
    expect(result.hooks.map(({ record }) => [record.name, record.pointId, record.enabled])).toEqual(
      [
        ['signup checks', 'pre-user-registration', true],
        ['cce', 'credentials-exchange', true],
      ],
    );
    expect(result.hooks[0]!.record.draft.secrets).toMatchObject([
      { name: 'API_KEY', value: '', notExported: true },
    ]);
  });

  test('workspace JSON: whole records, secret values emptied and flagged', async () => {
    const file = await buildExport('workspace', hooks, false, 1234);
    expect(file.name).toBe('hookpad-workspace.json');
    expect(file.type).toBe('application/json');
    const parsed = parseWorkspaceJson(file.data as string);
    expect(parsed.problems).toEqual([]);
    expect(parsed.hooks.map((hook) => hook.name)).toEqual(['signup checks', 'cce']);
    expect(parsed.hooks[0]!.draft.secrets).toEqual([
      { id: 's-signup checks', name: 'API_KEY', value: '', notExported: true },
    ]);
  });
});
