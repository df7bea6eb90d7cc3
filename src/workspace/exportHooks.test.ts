import { strToU8, strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { getPoint } from '../core/points';
import type { PointId } from '../core/schemas';
import { exportDirectory, exportYaml, zipFiles, type ExportedFile } from './exportHooks';
import type { HookRecord, SecretRow } from './hookRecord';
import { importFiles } from './importHooks';
import { newHook, starterHookDraft } from './newHook';
import { sanitizeHookFileName } from './sanitizeHookFileName';

function hook(
  name: string,
  pointId: PointId,
  options: { enabled?: boolean; secrets?: SecretRow[]; dependencies?: Record<string, string> } = {},
): HookRecord {
  return newHook({
    name,
    pointId,
    enabled: options.enabled ?? false,
    draft: {
      ...starterHookDraft(pointId),
      code: `// ${name}\n${getPoint(pointId).starterCode}`,
      secrets: options.secrets ?? [],
      dependencies: options.dependencies ?? {},
    },
  });
}

const workspace: HookRecord[] = [
  hook('Client Credentials Exchange', 'credentials-exchange', {
    enabled: true,
    secrets: [
      { id: 's1', name: 'api-key', value: 'my custom api key' },
      { id: 's2', name: 'EMPTY', value: '' },
    ],
    dependencies: { bcrypt: '3.0.6', '@scope/pkg': '^1.2.0' },
  }),
  hook('signup', 'pre-user-registration', {
    secrets: [{ id: 's3', name: 'TOKEN', value: 'true' }],
  }),
  hook('after-signup', 'post-user-registration', { enabled: true }),
  hook('password-changed', 'post-change-password'),
  hook('send sms', 'send-phone-message', {
    secrets: [{ id: 's4', name: 'TWILIO', value: '', notExported: true }],
  }),
];

/** A directory has no order: hooks come back by file name. Compared by name. */
const byName = <T extends { name: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const asImport = (files: readonly ExportedFile[]) =>
  importFiles(files.map((file) => ({ path: file.path, bytes: strToU8(file.text) })));

/** What an export must carry: everything but ids and secret row ids. */
function essentials(record: HookRecord) {
  return {
    name: record.name,
    pointId: record.pointId,
    enabled: record.enabled,
    code: record.draft.code,
    dependencies: record.draft.dependencies,
    secrets: record.draft.secrets.map(({ name, value, notExported }) => ({
      name,
      value,
      notExported: notExported ?? false,
    })),
  };
}

const hidden = (record: HookRecord) => ({
  ...essentials(record),
  secrets: record.draft.secrets.map(({ name }) => ({ name, value: '', notExported: true })),
});

describe.each([
  ['directory', exportDirectory],
  ['YAML', exportYaml],
])('%s export', (_format, exportHooks) => {
  test('round-trips with secrets', () => {
    const result = asImport(exportHooks(workspace, { includeSecrets: true }));
    expect(result.problems).toEqual([]);
    expect(byName(result.hooks.map((imported) => essentials(imported.record)))).toEqual(
      byName(workspace.map(essentials)),
    );
    expect(result.hooks.every((imported) => imported.pointGuessed === undefined)).toBe(true);
  });

  test('round-trips without secrets: every value comes back hidden', () => {
    const result = asImport(exportHooks(workspace, { includeSecrets: false }));
    expect(result.problems).toEqual([]);
    expect(byName(result.hooks.map((imported) => essentials(imported.record)))).toEqual(
      byName(workspace.map(hidden)),
    );
  });

  test('round-trips through a zip', () => {
    const zip = zipFiles(exportHooks(workspace, { includeSecrets: true }));
    const result = importFiles([{ path: 'hooks-export.zip', bytes: zip }]);
    expect(result.problems).toEqual([]);
    expect(byName(result.hooks.map((imported) => essentials(imported.record)))).toEqual(
      byName(workspace.map(essentials)),
    );
  });

  test('hooks whose names sanitise alike get distinct files', () => {
    const clash = [
      hook('My Hook', 'credentials-exchange'),
      hook('my hook', 'pre-user-registration'),
      hook('my-hook', 'send-phone-message'),
    ];
    const files = exportHooks(clash, { includeSecrets: true });
    const scripts = files.filter((file) => file.path.endsWith('.js')).map((file) => file.path);
    expect(scripts).toEqual(['hooks/my-hook.js', 'hooks/my-hook-2.js', 'hooks/my-hook-3.js']);
    const result = asImport(files);
    expect(
      byName(result.hooks.map(({ record }) => ({ name: record.name, pointId: record.pointId }))),
    ).toEqual(byName(clash.map(({ name, pointId }) => ({ name, pointId }))));
  });
});

describe('the files deploy-cli reads', () => {
  test('directory: hooks/<name>.js and hooks/<name>.json with the deploy-cli fields', () => {
    const files = exportDirectory(workspace.slice(0, 1), { includeSecrets: false });
    expect(files.map((file) => file.path)).toEqual([
      'hooks/client-credentials-exchange.js',
      'hooks/client-credentials-exchange.json',
    ]);
    expect(files[0]?.text).toBe(workspace[0]?.draft.code);
    expect(files[1]?.text).toBe(
      `${JSON.stringify(
        {
          name: 'Client Credentials Exchange',
          triggerId: 'credentials-exchange',
          enabled: true,
          script: './client-credentials-exchange.js',
          secrets: { 'api-key': '_VALUE_NOT_SHOWN_', EMPTY: '_VALUE_NOT_SHOWN_' },
          dependencies: { bcrypt: '3.0.6', '@scope/pkg': '^1.2.0' },
        },
        null,
        2,
      )}\n`,
    );
  });

  test('YAML: tenant.yaml lists the hooks with ./hooks/<name>.js scripts', () => {
    const files = exportYaml(workspace, { includeSecrets: true });
    expect(files.map((file) => file.path)).toEqual([
      'tenant.yaml',
      'hooks/client-credentials-exchange.js',
      'hooks/signup.js',
      'hooks/after-signup.js',
      'hooks/password-changed.js',
      'hooks/send-sms.js',
    ]);
    const tenant = parse(files[0]?.text ?? '') as { hooks: Record<string, unknown>[] };
    expect(tenant.hooks[1]).toEqual({
      name: 'signup',
      triggerId: 'pre-user-registration',
      enabled: false,
      script: './hooks/signup.js',
      secrets: { TOKEN: 'true' },
      dependencies: {},
    });
    // A secret imported without its value stays hidden even when secrets are included.
    expect(tenant.hooks[4]?.secrets).toEqual({ TWILIO: '_VALUE_NOT_SHOWN_' });
  });

  test('an empty workspace exports an empty list', () => {
    expect(exportYaml([], { includeSecrets: true })).toEqual([
      { path: 'tenant.yaml', text: 'hooks: []\n' },
    ]);
    expect(exportDirectory([], { includeSecrets: true })).toEqual([]);
  });

  test('zipFiles keeps every path and text', () => {
    const files = exportDirectory(workspace, { includeSecrets: true });
    const unzipped = unzipSync(zipFiles(files));
    expect(Object.keys(unzipped)).toEqual(files.map((file) => file.path));
    expect(
      files.every((file) => strFromU8(unzipped[file.path] ?? new Uint8Array()) === file.text),
    ).toBe(true);
  });
});

describe('sanitizeHookFileName', () => {
  test.each([
    ['cce hook', 'cce-hook'],
    ['Client Credentials Exchange', 'client-credentials-exchange'],
    ['a/b\\c:d*e?f"g<h>i|j', 'abcdefghij'],
    ['tab\there', 'tab-here'],
    ['trailing.', 'trailing'],
    ['CON', 'con-hook'],
    ['***', 'hook'],
    ['', 'hook'],
  ])('%j → %j', (name, expected) => {
    expect(sanitizeHookFileName(name)).toBe(expected);
  });
});
