import { strToU8 } from 'fflate';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ActionDraft } from '../core/actions/actionSchemas';
import type { PointId } from '../core/schemas';
import { DeployCliActionSchema } from './deployCliActionSchema';
import { exportDirectory, exportYaml, zipFiles, type ExportedFile } from './exportHooks';
import type { HookRecord } from './hookRecord';
import { importFiles } from './importHooks';
import { newHook, starterHookDraft } from './newHook';

const action: ActionDraft = {
  code: "exports.onExecuteCredentialsExchange = async (event, api) => {\n  api.accessToken.setCustomClaim('https://example.com/plan', event.secrets.PLAN);\n};\n",
  dependencies: { lodash: '4.17.21', '@scope/pkg': '^1.2.0' },
  notes: [{ line: 1, hookLine: 1, construct: 'x', message: 'stays home' }],
};
function hook(name: string, pointId: PointId, withAction?: ActionDraft): HookRecord {
  return newHook({
    name,
    pointId,
    enabled: true,
    draft: {
      ...starterHookDraft(pointId),
      secrets: [
        { id: 's1', name: 'PLAN', value: 'gold' },
        { id: 's2', name: 'OLD', value: '', notExported: true },
      ],
      ...(withAction ? { action: withAction } : {}),
    },
  });
}
const ported = hook('Add Plan Claim', 'credentials-exchange', action);
const plain = hook('Signup', 'pre-user-registration');
const text = (files: ExportedFile[], path: string) => files.find((f) => f.path === path)?.text;
const asImport = (files: readonly ExportedFile[]) =>
  importFiles(files.map((f) => ({ path: `export/${f.path}`, bytes: strToU8(f.text) })));

describe('exporting a hook’s Action in deploy-cli form', () => {
  it('directory: actions/<name>.json with deploy-cli’s fields and actions/<name>/code.js', () => {
    const files = exportDirectory([ported, plain], { includeSecrets: false });
    expect(files.map((f) => f.path)).toEqual([
      'hooks/add-plan-claim.js',
      'hooks/add-plan-claim.json',
      'hooks/signup.js',
      'hooks/signup.json',
      'actions/add-plan-claim.json',
      'actions/add-plan-claim/code.js',
    ]);
    expect(text(files, 'actions/add-plan-claim/code.js')).toBe(action.code);
    const json = JSON.parse(text(files, 'actions/add-plan-claim.json')!) as unknown;
    expect(json).toEqual({
      name: 'Add Plan Claim',
      code: './actions/add-plan-claim/code.js',
      runtime: 'node22',
      dependencies: [
        { name: 'lodash', version: '4.17.21' },
        { name: '@scope/pkg', version: '^1.2.0' },
      ],
      secrets: [
        { name: 'PLAN', value: '_VALUE_NOT_SHOWN_' },
        { name: 'OLD', value: '_VALUE_NOT_SHOWN_' },
      ],
      supported_triggers: [{ id: 'credentials-exchange', version: 'v2' }],
      deployed: false,
    });
    expect(DeployCliActionSchema.safeParse(json).success).toBe(true);
  });

  it('secret values are written only with Include secret values (a hidden one stays hidden)', () => {
    const files = exportDirectory([ported], { includeSecrets: true });
    expect(
      (JSON.parse(text(files, 'actions/add-plan-claim.json')!) as { secrets: unknown }).secrets,
    ).toEqual([
      { name: 'PLAN', value: 'gold' },
      { name: 'OLD', value: '_VALUE_NOT_SHOWN_' },
    ]);
  });

  it('the hook files are byte for byte those of the hook without its Action', () => {
    const { action: _action, ...draft } = ported.draft;
    const without = exportDirectory([{ ...ported, draft }], { includeSecrets: false });
    const withAction = exportDirectory([ported], { includeSecrets: false });
    expect(withAction.filter((f) => f.path.startsWith('hooks/'))).toEqual(without);
    const yamlWithout = exportYaml([plain], { includeSecrets: false });
    expect(text(yamlWithout, 'tenant.yaml')).not.toContain('actions:');
  });

  it('YAML: an actions: list in tenant.yaml pointing at ./actions/<name>/code.js', () => {
    const files = exportYaml([ported, plain], { includeSecrets: false });
    const tenant = parse(text(files, 'tenant.yaml')!) as { actions: unknown[]; hooks: unknown[] };
    expect(tenant.hooks).toHaveLength(2);
    expect(tenant.actions).toEqual([
      expect.objectContaining({
        name: 'Add Plan Claim',
        code: './actions/add-plan-claim/code.js',
        supported_triggers: [{ id: 'credentials-exchange', version: 'v2' }],
      }),
    ]);
    expect(text(files, 'actions/add-plan-claim/code.js')).toBe(action.code);
  });

  it.each([
    ['directory', exportDirectory],
    ['YAML', exportYaml],
  ] as const)(
    '%s round trip: import gives the same Action code, dependencies and trigger',
    (_form, exporter) => {
      const files = exporter([ported, plain], { includeSecrets: true });
      for (const result of [
        asImport(files),
        importFiles([{ path: 'export.zip', bytes: zipFiles(files) }]),
      ]) {
        expect(result.problems).toEqual([]);
        const back = result.hooks.find((h) => h.record.name === 'Add Plan Claim')!.record;
        expect(back.pointId).toBe('credentials-exchange');
        expect(back.draft.action).toEqual({ ...action, notes: [] });
        expect(result.hooks.find((h) => h.record.name === 'Signup')!.record.draft.action).toBe(
          undefined,
        );
      }
    },
  );
});
