import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { getPoint, points } from '../core/points';
import { importFiles, type ImportFile, type ImportResult } from './importHooks';
import { newHook, starterHookDraft } from './newHook';
import { exportWorkspaceJson } from './workspaceJson';

const fixtures = import.meta.glob<string>('./fixtures/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The fixture files under `folder`, with paths as a folder picker gives them ("directory/hooks/a.js"). */
function fixtureFiles(folder: string): ImportFile[] {
  return Object.entries(fixtures)
    .filter(([path]) => path.startsWith(`./fixtures/${folder}/`))
    .map(([path, text]) => ({ path: path.slice('./fixtures/'.length), bytes: strToU8(text) }));
}

const fixtureText = (path: string): string => {
  const text = fixtures[`./fixtures/${path}`];
  if (text === undefined) throw new Error(`no fixture ${path}`);
  return text;
};

const file = (path: string, text: string): ImportFile => ({ path, bytes: strToU8(text) });

function zipOf(files: readonly ImportFile[], prefix = ''): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [`${prefix}${f.path}`, f.bytes])));
}

const byName = (result: ImportResult, name: string) => {
  const hook = result.hooks.find((imported) => imported.record.name === name);
  if (!hook) throw new Error(`no hook named ${name}`);
  return hook;
};

const secretsOf = (result: ImportResult, name: string) =>
  byName(result, name).record.draft.secrets.map(({ name, value, notExported }) => ({
    name,
    value,
    notExported,
  }));

describe('deploy-cli directory format', () => {
  test('current fields: name, triggerId, enabled, script, secrets, dependencies', () => {
    const result = importFiles(fixtureFiles('directory'));

    expect(result.problems).toEqual([]);
    expect(result.hooks.map((hook) => hook.record.name)).toEqual(['cce hook', 'signup-metadata']);
    const cce = byName(result, 'cce hook');
    expect(cce.source).toBe('directory/hooks/client-credentials-exchange.json');
    expect(cce.pointGuessed).toBeUndefined();
    expect(cce.record).toMatchObject({
      pointId: 'credentials-exchange',
      enabled: true,
      rev: 0,
      versions: [],
      storage: {},
    });
    expect(cce.record.id).toMatch(/^hook-/);
    expect(cce.record.draft.code).toBe(
      fixtureText('directory/hooks/client-credentials-exchange.js'),
    );
    expect(cce.record.draft.dependencies).toEqual({ bcrypt: '3.0.6' });
    expect(cce.record.draft.payloadText).toBe(starterHookDraft('credentials-exchange').payloadText);
    expect(secretsOf(result, 'cce hook')).toEqual([
      { name: 'api-key', value: 'my custom api key', notExported: undefined },
    ]);

    const signup = byName(result, 'signup-metadata');
    expect(signup.record.pointId).toBe('pre-user-registration');
    expect(signup.record.enabled).toBe(false);
    expect(signup.record.draft.dependencies).toEqual({});
  });

  test('_VALUE_NOT_SHOWN_ becomes an empty secret marked notExported', () => {
    const result = importFiles(fixtureFiles('directory'));
    expect(secretsOf(result, 'signup-metadata')).toEqual([
      { name: 'CRM_TOKEN', value: '', notExported: true },
      { name: 'REGION', value: 'eu', notExported: undefined },
    ]);
    const ids = byName(result, 'signup-metadata').record.draft.secrets.map((secret) => secret.id);
    expect(new Set(ids).size).toBe(2);
  });

  test('older deploy-cli fields: active instead of enabled, code instead of script', () => {
    const result = importFiles(fixtureFiles('legacy'));

    expect(result.problems).toEqual([]);
    expect(result.hooks).toHaveLength(1);
    const [hook] = result.hooks;
    expect(hook?.record).toMatchObject({
      name: 'cce hook',
      pointId: 'credentials-exchange',
      enabled: true,
    });
    expect(hook?.record.draft.code).toBe(
      fixtureText('legacy/hooks/client-credentials-exchange.js'),
    );
    expect(hook?.record.draft.dependencies).toEqual({ bcrypt: '3.0.6' });
  });

  test('a missing script, bad JSON and an unknown triggerId are problems of their files; the rest is imported', () => {
    const result = importFiles([
      ...fixtureFiles('problems'),
      file('problems/hooks/broken.json', '{ "name": "broken", "triggerId": '),
      file('problems/hooks/broken.js', 'module.exports = function (user, context, cb) { cb(); };'),
    ]);

    expect(result.hooks.map((hook) => hook.record.name)).toEqual(['password-changed']);
    expect(result.hooks[0]?.record).toMatchObject({
      pointId: 'post-change-password',
      enabled: true,
    });
    const problems = Object.fromEntries(result.problems.map((p) => [p.file, p.message]));
    expect(Object.keys(problems).sort()).toEqual([
      'problems/hooks/broken.json',
      'problems/hooks/missing-script.json',
      'problems/hooks/password-exchange.json',
    ]);
    expect(problems['problems/hooks/broken.json']).toMatch(/^Not valid JSON: /);
    expect(problems['problems/hooks/missing-script.json']).toBe(
      'Hook "missing-script" not imported: script "./missing-script.js" is not among the imported files (expected problems/hooks/missing-script.js).',
    );
    expect(problems['problems/hooks/password-exchange.json']).toMatch(
      /^Hook "password-exchange" not imported: unknown triggerId "password-exchange" \(Hookpad knows credentials-exchange, /,
    );
  });

  test('wrong field types are reported field by field, never thrown', () => {
    const result = importFiles([
      file(
        'hooks/typed.json',
        JSON.stringify({
          name: 'typed',
          triggerId: 'credentials-exchange',
          enabled: 'yes',
          secrets: [1],
        }),
      ),
      file(
        'hooks/typed.js',
        'module.exports = function (client, scope, audience, context, cb) {};',
      ),
      file('hooks/list.json', '[]'),
      file(
        'hooks/nameless.json',
        JSON.stringify({ triggerId: 'send-phone-message', script: './x.js' }),
      ),
      file(
        'hooks/no-script.json',
        JSON.stringify({ name: 'no-script', triggerId: 'send-phone-message' }),
      ),
    ]);

    expect(result.hooks).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: 'hooks/list.json',
        message: 'Not imported: must be an object with name, triggerId and script.',
      },
      { file: 'hooks/nameless.json', message: 'Not imported: name: missing.' },
      {
        file: 'hooks/no-script.json',
        message: 'Hook "no-script" not imported: it has no script (the path of its .js file).',
      },
      {
        file: 'hooks/typed.json',
        message:
          'Not imported: enabled: must be true or false; secrets: must be an object of names to text.',
      },
    ]);
  });

  test('a name the platform would refuse is kept, with a warning', () => {
    const result = importFiles([
      file(
        'hooks/odd.json',
        JSON.stringify({
          name: 'My_Hook!',
          triggerId: 'post-user-registration',
          script: './odd.js',
        }),
      ),
      file('hooks/odd.js', 'module.exports = function (user, context, cb) { cb(); };'),
    ]);

    expect(result.hooks.map((hook) => hook.record.name)).toEqual(['My_Hook!']);
    expect(result.hooks[0]?.record.enabled).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'hooks/odd.json' });
    expect(result.problems[0]?.message).toMatch(
      /^Warning: the name "My_Hook!" breaks the platform's name rule/,
    );
    expect(result.problems[0]?.message).toMatch(/the platform would refuse it\.$/);
  });

  test('a script given inline (as the Management API returns it) is the code itself', () => {
    const code = 'module.exports = function (user, context, cb) {\n  cb();\n};\n';
    const result = importFiles([
      file(
        'hook.json',
        JSON.stringify({ name: 'inline', triggerId: 'post-change-password', script: code }),
      ),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.hooks[0]?.record.draft.code).toBe(code);
  });

  test('files dropped without their folder still find the script by its name', () => {
    const result = importFiles([
      file(
        'tenant.yaml',
        'hooks:\n  - name: sms\n    triggerId: send-phone-message\n    script: ./hooks/sms.js\n',
      ),
      file('sms.js', 'module.exports = function (recipient, text, context, cb) { cb(null, {}); };'),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.hooks).toHaveLength(1);
    expect(result.hooks[0]).toMatchObject({ source: 'tenant.yaml', record: { name: 'sms' } });
  });
});

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
