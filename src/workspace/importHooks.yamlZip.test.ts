import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { importFiles, type ImportFile } from './importHooks';
import { byName, file, fixtureFiles, fixtureText, secretsOf } from './importFixtures.testSupport';

function zipOf(files: readonly ImportFile[], prefix = ''): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [`${prefix}${f.path}`, f.bytes])));
}

describe('deploy-cli YAML format', () => {
  test('tenant.yaml with hooks/*.js: both script spellings, secrets and dependencies', () => {
    const result = importFiles(fixtureFiles('yaml'));

    expect(result.problems).toEqual([]);
    expect(
      result.hooks.map((hook) => [hook.record.name, hook.record.pointId, hook.record.enabled]),
    ).toEqual([
      ['Client Credentials Exchange', 'credentials-exchange', true],
      ['send-sms', 'send-phone-message', false],
    ]);
    expect(result.hooks.every((hook) => hook.source === 'yaml/tenant.yaml')).toBe(true);
    const cce = byName(result, 'Client Credentials Exchange');
    expect(cce.record.draft.code).toBe(fixtureText('yaml/hooks/client-credentials-exchange.js'));
    // YAML reads `retries: 3` and `bcrypt: 3.0.6` as they were written, kept as text.
    expect(secretsOf(result, 'Client Credentials Exchange')).toEqual([
      { name: 'api-key', value: 'my custom api key', notExported: undefined },
      { name: 'retries', value: '3', notExported: undefined },
    ]);
    expect(cce.record.draft.dependencies).toEqual({ bcrypt: '3.0.6' });
    expect(byName(result, 'send-sms').record.draft.code).toBe(
      fixtureText('yaml/hooks/send-sms.js'),
    );
    expect(secretsOf(result, 'send-sms')).toEqual([
      { name: 'TWILIO_TOKEN', value: '', notExported: true },
    ]);
  });

  test('a YAML syntax error is a problem with its line number', () => {
    const result = importFiles([
      file(
        'tenant.yaml',
        'hooks:\n  - name: a\n    triggerId: credentials-exchange\n    script: [./a.js\n  - name: b\n',
      ),
    ]);
    expect(result.hooks).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.file).toBe('tenant.yaml');
    expect(result.problems[0]?.message).toMatch(/^YAML syntax error: .* at line 5, column \d+\.$/);
  });

  test('a YAML file without a hooks: list is a problem; so is an item that fails, with its line', () => {
    const result = importFiles([
      file('other.yml', 'tenant:\n  friendly_name: x\n'),
      file(
        'tenant.yaml',
        [
          'hooks:',
          '  - name: ok',
          '    triggerId: post-change-password',
          '    script: ./ok.js',
          '  - name: wrong',
          '    triggerId: nope',
          '    script: ./ok.js',
          '  - name: lost',
          '    triggerId: post-change-password',
          '    script: ./hooks/lost.js',
          '',
        ].join('\n'),
      ),
      file('ok.js', 'module.exports = function (user, context, cb) { cb(); };'),
    ]);

    expect(result.hooks.map((hook) => hook.record.name)).toEqual(['ok']);
    expect(
      result.problems.map((p) => [p.file, p.message.replace(/ \(Hookpad knows .*\)/, '')]),
    ).toEqual([
      [
        'other.yml',
        'No hooks: list in this YAML file (a deploy-cli tenant.yaml lists its hooks under a top-level "hooks:" key).',
      ],
      ['tenant.yaml', 'hooks[1] (line 5): Hook "wrong" not imported: unknown triggerId "nope".'],
      [
        'tenant.yaml',
        'hooks[2] (line 8): Hook "lost" not imported: script "./hooks/lost.js" is not among the imported files (expected hooks/lost.js).',
      ],
    ]);
  });
});

describe('zips', () => {
  test('a zip of a tenant directory export: hooks/ inside, other assets ignored', () => {
    const tenant = [
      ...fixtureFiles('directory').map((f) => ({
        ...f,
        path: f.path.replace(/^directory\//, 'tenant/'),
      })),
      file('tenant/tenant.json', '{ "friendly_name": "My Tenant" }'),
      file('tenant/rules/add-roles.json', '{ "name": "add-roles", "script": "./add-roles.js" }'),
      file(
        'tenant/rules/add-roles.js',
        'function (user, context, callback) { callback(null, user, context); }',
      ),
      file(
        'tenant/database-connections/db/login.js',
        'function login(email, password, callback) {}',
      ),
    ];
    const result = importFiles([{ path: 'export.zip', bytes: zipOf(tenant) }]);

    expect(result.problems).toEqual([]);
    expect(result.hooks.map((hook) => [hook.record.name, hook.source])).toEqual([
      ['cce hook', 'export.zip/tenant/hooks/client-credentials-exchange.json'],
      ['signup-metadata', 'export.zip/tenant/hooks/signup-metadata.json'],
    ]);
    expect(secretsOf(result, 'signup-metadata')[0]).toEqual({
      name: 'CRM_TOKEN',
      value: '',
      notExported: true,
    });
  });

  test('a zip of a YAML export', () => {
    const files = fixtureFiles('yaml').map((f) => ({ ...f, path: f.path.replace(/^yaml\//, '') }));
    const result = importFiles([{ path: 'tenant-yaml.zip', bytes: zipOf(files) }]);

    expect(result.problems).toEqual([]);
    expect(result.hooks.map((hook) => hook.record.name)).toEqual([
      'Client Credentials Exchange',
      'send-sms',
    ]);
    expect(result.hooks[0]?.source).toBe('tenant-yaml.zip/tenant.yaml');
    expect(byName(result, 'send-sms').record.draft.code).toBe(
      fixtureText('yaml/hooks/send-sms.js'),
    );
  });

  test('a file that is not a zip, and a zip without hooks, are problems of their own', () => {
    const result = importFiles([
      file('broken.zip', 'not a zip at all'),
      { path: 'empty.zip', bytes: zipOf([file('readme.md', '# nothing')]) },
      ...fixtureFiles('legacy'),
    ]);
    expect(result.hooks).toHaveLength(1);
    expect(result.problems.map((p) => p.file)).toEqual(['broken.zip', 'empty.zip']);
    expect(result.problems[0]?.message).toMatch(/^Not a readable zip file: /);
    expect(result.problems[1]?.message).toMatch(/^No hooks found in this zip: /);
  });
});
