import { strToU8 } from 'fflate';
import { expect, test } from 'vitest';
import { importFiles } from './importHooks';

// The folder the end-to-end import test uploads: it must keep importing as this test says.
const folder = import.meta.glob<string>('../../e2e/fixtures/deploy-cli/hooks/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

test('e2e/fixtures/deploy-cli/hooks imports as three hooks', () => {
  const files = Object.entries(folder).map(([path, text]) => ({
    path: path.replace(/^(\.\.\/)+e2e\/fixtures\/deploy-cli\//, ''),
    bytes: strToU8(text),
  }));
  expect(files).toHaveLength(6);

  const result = importFiles(files);

  expect(result.problems).toEqual([]);
  expect(
    result.hooks.map(({ record, source, pointGuessed }) => ({
      source,
      pointGuessed,
      name: record.name,
      pointId: record.pointId,
      enabled: record.enabled,
      dependencies: record.draft.dependencies,
      secrets: record.draft.secrets.map(({ name, value, notExported }) => ({
        name,
        value,
        notExported,
      })),
    })),
  ).toEqual([
    {
      source: 'hooks/add-plan-claim.json',
      pointGuessed: undefined,
      name: 'add-plan-claim',
      pointId: 'credentials-exchange',
      enabled: true,
      dependencies: {},
      secrets: [],
    },
    {
      source: 'hooks/notify-signup.json',
      pointGuessed: undefined,
      name: 'notify-signup',
      pointId: 'post-user-registration',
      enabled: false,
      dependencies: { axios: '1.6.8' },
      secrets: [],
    },
    {
      source: 'hooks/signup-crm-lookup.json',
      pointGuessed: undefined,
      name: 'signup-crm-lookup',
      pointId: 'pre-user-registration',
      enabled: false,
      dependencies: {},
      secrets: [
        { name: 'CRM_API_KEY', value: '', notExported: true },
        { name: 'CRM_REGION', value: '', notExported: true },
      ],
    },
  ]);
  for (const hook of result.hooks) {
    const script = folder[`../../e2e/fixtures/deploy-cli/${hook.source.replace(/\.json$/, '.js')}`];
    expect(hook.record.draft.code).toBe(script);
  }
});
