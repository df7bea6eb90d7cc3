import { describe, expect, test } from 'vitest';
import { importFiles } from './importHooks';
import { byName, file, fixtureFiles, fixtureText, secretsOf } from './importFixtures.testSupport';
import { starterHookDraft } from './newHook';

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

  test('a .json without script pairs with its same-named .js', () => {
    const result = importFiles(fixtureFiles('paired'));

    expect(result.problems).toEqual([]);
    expect(result.hooks).toHaveLength(1);
    const [hook] = result.hooks;
    expect(hook?.source).toBe('paired/hooks/password-changed.json');
    expect(hook?.pointGuessed).toBeUndefined();
    expect(hook?.record).toMatchObject({
      name: 'password-changed',
      pointId: 'post-change-password',
      enabled: true,
    });
    expect(hook?.record.draft.code).toBe(fixtureText('paired/hooks/password-changed.js'));
    expect(hook?.record.draft.dependencies).toEqual({ lodash: '4.17.21' });

    // Dropped without their folder, the two files still pair.
    const loose = importFiles(
      fixtureFiles('paired').map((entry) => ({ ...entry, path: entry.path.split('/').pop()! })),
    );
    expect(loose.problems).toEqual([]);
    expect(loose.hooks.map((imported) => imported.record.draft.code)).toEqual([
      fixtureText('paired/hooks/password-changed.js'),
    ]);
  });

  test('a script the .json names wins over its same-named .js', () => {
    const result = importFiles([
      file(
        'hooks/a.json',
        JSON.stringify({ name: 'a', triggerId: 'send-phone-message', script: './b.js' }),
      ),
      file('hooks/a.js', '// a'),
      file('hooks/b.js', '// b'),
    ]);
    expect(result.hooks.find((hook) => hook.record.name === 'a')?.record.draft.code).toBe('// b');
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
