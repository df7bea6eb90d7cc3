import { describe, expect, it } from 'vitest';
import { importFiles } from './importHooks';
import { starterHookDraft } from './newHook';
import { byName, file, fixtureFiles, fixtureText, secretsOf } from './importFixtures.testSupport';

describe('importing deploy-cli Actions', () => {
  it('directory: an Action pairs with the hook of its name and becomes its Action draft', () => {
    const result = importFiles(fixtureFiles('with-action'));
    expect(result.problems).toEqual([]);
    expect(result.hooks).toHaveLength(1);
    const { record } = byName(result, 'Add plan');
    expect(record.pointId).toBe('pre-user-registration');
    expect(record.draft.code).toBe(fixtureText('with-action/hooks/add-plan.js'));
    expect(record.draft.action).toEqual({
      code: fixtureText('with-action/actions/add-plan/code.js'),
      dependencies: { lodash: '4.17.21' },
      notes: [],
    });
    // The hook's own secret keeps its value; the Action's hidden one adds nothing.
    expect(secretsOf(result, 'Add plan')).toEqual([
      { name: 'PLAN', value: 'gold', notExported: undefined },
    ]);
  });

  it('YAML: pairs by name, makes a hook of an Action without one, and warns about an unknown trigger', () => {
    const result = importFiles(fixtureFiles('actions-yaml'));
    expect(result.hooks.map((hook) => [hook.record.name, hook.record.pointId])).toEqual([
      ['Deny scope', 'credentials-exchange'],
      ['Notify by SMS', 'send-phone-message'],
    ]);
    expect(byName(result, 'Deny scope').record.draft.action?.code).toBe(
      fixtureText('actions-yaml/actions/deny-scope/code.js'),
    );
    expect(result.problems).toEqual([
      {
        file: 'actions-yaml/tenant.yaml',
        message: expect.stringMatching(
          /^actions\[2\] \(line 36\): Warning: the Action "Login audit" was not imported: its trigger "post-login" has no hook point/,
        ) as unknown,
      },
      {
        file: 'actions-yaml/tenant.yaml',
        message: expect.stringMatching(
          /^actions\[1\] \(line 22\): Warning: no imported hook of the point Send Phone Message is named "Notify by SMS", so the Action became a new hook at Send Phone Message with the point's starter code/,
        ) as unknown,
      },
    ]);
  });

  it("an Action without a hook becomes a hook with the point's starter code, its secrets flagged as hidden", () => {
    const result = importFiles(fixtureFiles('actions-yaml'));
    const { record } = byName(result, 'Notify by SMS');
    expect(record.draft.code).toBe(starterHookDraft('send-phone-message').code);
    expect(record.draft.action).toMatchObject({ dependencies: { twilio: '4.19.0' }, notes: [] });
    expect(secretsOf(result, 'Notify by SMS')).toEqual([
      { name: 'TWILIO_TOKEN', value: '', notExported: true },
    ]);
    expect(record.enabled).toBe(false);
  });

  it('an Action whose trigger differs from the same-named hook’s point becomes its own hook', () => {
    const hookJson = fixtureText('with-action/hooks/add-plan.json').replace(
      'pre-user-registration',
      'post-user-registration',
    );
    const result = importFiles([
      file('t/hooks/add-plan.json', hookJson),
      file('t/hooks/add-plan.js', fixtureText('with-action/hooks/add-plan.js')),
      file('t/actions/add-plan.json', fixtureText('with-action/actions/add-plan.json')),
      file('t/actions/add-plan/code.js', fixtureText('with-action/actions/add-plan/code.js')),
    ]);
    expect(
      result.hooks.map((hook) => [hook.record.pointId, hook.record.draft.action !== undefined]),
    ).toEqual([
      ['pre-user-registration', true],
      ['post-user-registration', false],
    ]);
    expect(result.problems).toHaveLength(1);
  });

  it('finds the code where deploy-cli would: beside the json, from the export root, or with the output folder in front', () => {
    const json = (code: string) =>
      JSON.stringify({
        name: 'a',
        code,
        supported_triggers: [{ id: 'post-change-password', version: 'v2' }],
      });
    for (const code of [
      './code.js',
      './actions/a/code.js',
      'tenant/actions/a/code.js',
      'elsewhere.js',
    ]) {
      const result = importFiles([
        file('export/actions/a.json', json(code)),
        file('export/actions/a/code.js', 'exports.onExecutePostChangePassword = async () => {};'),
      ]);
      expect(result.hooks[0]?.record.draft.action?.code, code).toBe(
        'exports.onExecutePostChangePassword = async () => {};',
      );
    }
  });

  it('a missing code file or a broken Action is a problem naming the file; the hooks still import', () => {
    const result = importFiles([
      ...fixtureFiles('with-action').filter((entry) => !entry.path.endsWith('code.js')),
      file('with-action/actions/broken.json', '{ "name": "x" }'),
      file('with-action/actions/bad.json', '{ nope'),
    ]);
    expect(result.hooks.map((hook) => hook.record.name)).toEqual(['Add plan']);
    expect(result.hooks[0]!.record.draft.action).toBeUndefined();
    expect(result.problems.map((problem) => [problem.file, problem.message])).toEqual([
      [
        'with-action/actions/add-plan.json',
        expect.stringMatching(
          /^Action "Add plan" not imported: code "\.\/actions\/add-plan\/code\.js" is not among the imported files \(expected with-action\/actions\/add-plan\/code\.js\)\.$/,
        ),
      ],
      ['with-action/actions/bad.json', expect.stringMatching(/^Not valid JSON/)],
      [
        'with-action/actions/broken.json',
        'Action not imported: code: missing; supported_triggers: missing.',
      ],
    ]);
  });

  it('a tenant.yaml with only actions: reads them without a "no hooks" problem', () => {
    const result = importFiles([
      file(
        'tenant.yaml',
        'actions:\n  - name: Solo\n    code: ./solo.js\n    supported_triggers:\n      - id: post-user-registration\n',
      ),
      file('solo.js', 'exports.onExecutePostUserRegistration = async () => {};'),
    ]);
    expect(result.hooks.map((hook) => hook.record.name)).toEqual(['Solo']);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^actions\[0\] \(line 2\): Warning: no imported hook/),
    ]);
  });
});
