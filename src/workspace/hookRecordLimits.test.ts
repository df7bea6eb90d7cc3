import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  MAX_AUTO_MOCKS,
  MAX_FIELD_CHARS,
  MAX_HTTP_MOCKS,
  MAX_MODULE_MOCKS,
  MAX_SECRETS,
  MAX_ZIP_ENTRIES,
} from '../core/inputLimits';
import { HookRecordSchema, type HookRecord } from './hookRecord';
import { importFiles } from './importHooks';
import { newHook, newHookId } from './newHook';
import { exportWorkspaceJson, parseWorkspaceJson } from './workspaceJson';
import { zipEntryCount } from './zipEntryCount';

const mock = (i: number) => ({
  id: `mock-${i}`,
  method: 'GET',
  urlPattern: `https://api.example.com/${i}`,
  status: 200,
  headers: {},
  body: '{}',
  delayMs: 0,
});

type Network = HookRecord['draft']['network'];
function hookWith(secrets: number, network: Partial<Network> = {}, name = 'big'): HookRecord {
  const base = newHook({ pointId: 'pre-user-registration', name, now: 1, id: newHookId() });
  return {
    ...base,
    draft: {
      ...base.draft,
      secrets: Array.from({ length: secrets }, (_, i) => ({
        id: `s${i}`,
        name: `S${i}`,
        value: `value-${i}`,
      })),
      network: { ...base.draft.network, ...network },
    },
  };
}
const many = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

const cases = [
  ['Secrets', MAX_SECRETS, (n: number) => hookWith(n)],
  ['HTTP mocks', MAX_HTTP_MOCKS, (n: number) => hookWith(0, { mocks: many(n, mock) })],
  [
    'Module mocks',
    MAX_MODULE_MOCKS,
    (n: number) =>
      hookWith(0, {
        moduleMocks: many(n, (i) => ({ name: `m${i}`, code: 'module.exports = 1;' })),
      }),
  ],
  [
    'Auto-mocks',
    MAX_AUTO_MOCKS,
    (n: number) => hookWith(0, { autoMocks: many(n, (i) => `sdk${i}`) }),
  ],
] as const;

describe('a hook record is bounded by the input limits', () => {
  for (const [what, limit, make] of cases) {
    test(`${what}: exactly ${limit} are a valid record, ${limit + 1} are refused with the limit's message`, () => {
      expect(HookRecordSchema.safeParse(make(limit)).success).toBe(true);
      const over = HookRecordSchema.safeParse(make(limit + 1));
      expect(over.error?.issues.map((issue) => issue.message)).toEqual([
        `${what}: at most ${limit} (Hookpad's limit).`,
      ]);
    });
  }

  test('a secret value, a mock body and a module mock hold at most MAX_FIELD_CHARS characters', () => {
    const exact = 'x'.repeat(MAX_FIELD_CHARS);
    const long = `${exact}x`;
    const withValue = (value: string) => {
      const hook = hookWith(1);
      return { ...hook, draft: { ...hook.draft, secrets: [{ id: 's', name: 'S', value }] } };
    };
    expect(HookRecordSchema.safeParse(withValue(exact)).success).toBe(true);
    expect(HookRecordSchema.safeParse(withValue(long)).error?.issues[0]?.message).toBe(
      "Characters of a secret value: at most 1,000,000 (Hookpad's limit).",
    );
    const body = hookWith(0, { mocks: [{ ...mock(0), body: long }] });
    expect(HookRecordSchema.safeParse(body).error?.issues[0]?.message).toBe(
      "Characters of a mock body: at most 1,000,000 (Hookpad's limit).",
    );
    const code = hookWith(0, { moduleMocks: [{ name: 'm', code: long }] });
    expect(HookRecordSchema.safeParse(code).error?.issues[0]?.message).toBe(
      "Characters of a module mock: at most 1,000,000 (Hookpad's limit).",
    );
  });
});

describe('importing a workspace file', () => {
  test('a hook of 5,000 HTTP mocks is refused with the limit; the file’s other hooks import', () => {
    const big = hookWith(0, { mocks: many(5_000, mock) });
    const small = hookWith(0, { mocks: many(MAX_HTTP_MOCKS, mock) }, 'small');
    const text = exportWorkspaceJson([big, small], { includeSecrets: true });
    const started = performance.now();
    const parsed = parseWorkspaceJson(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(parsed.hooks.map((hook) => hook.name)).toEqual(['small']);
    expect(parsed.problems).toEqual([
      `hooks[0] "big" was skipped: draft.network.mocks: HTTP mocks: at most 200 (Hookpad's limit).`,
    ]);
  });

  test('through the import dialog’s reader the refusal names the file', () => {
    const text = exportWorkspaceJson([hookWith(MAX_SECRETS + 1)], { includeSecrets: true });
    const result = importFiles([{ path: 'workspace.json', bytes: strToU8(text) }]);
    expect(result.hooks).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: 'workspace.json',
        message: `hooks[0] "big" was skipped: draft.secrets: Secrets: at most 200 (Hookpad's limit).`,
      },
    ]);
  });
});

describe('importing deploy-cli files', () => {
  const hookJson = (secrets: number) =>
    JSON.stringify({
      name: 'many-secrets',
      triggerId: 'pre-user-registration',
      enabled: false,
      script: './many-secrets.js',
      secrets: Object.fromEntries(many(secrets, (i) => [`S${i}`, `v${i}`])),
    });
  const code = 'module.exports = function (user, context, cb) { cb(null, {}); };';

  test(`a hook of ${MAX_SECRETS} secrets imports; one more is refused with the limit`, () => {
    const files = (secrets: number) => [
      { path: 'hooks/many-secrets.json', bytes: strToU8(hookJson(secrets)) },
      { path: 'hooks/many-secrets.js', bytes: strToU8(code) },
    ];
    const atLimit = importFiles(files(MAX_SECRETS));
    expect(atLimit.hooks[0]?.record.draft.secrets).toHaveLength(MAX_SECRETS);
    const over = importFiles(files(20_000));
    expect(over.hooks).toEqual([]);
    expect(over.problems).toContainEqual({
      file: 'hooks/many-secrets.json',
      message: "Not imported: secrets: Secrets: at most 200 (Hookpad's limit).",
    });
  });
});

describe('importing a zip', () => {
  const zipOf = (count: number) =>
    zipSync(Object.fromEntries(many(count, (i) => [`notes/${i}.txt`, strToU8('x')])), {
      level: 0,
    });

  test('the entry count is read from the zip’s end record', () => {
    expect(zipEntryCount(zipOf(3))).toBe(3);
    expect(zipEntryCount(zipOf(0))).toBe(0);
    expect(zipEntryCount(strToU8('not a zip'))).toBeNull();
  });

  test(`a zip of ${MAX_ZIP_ENTRIES} entries is opened; one of 20,000 is refused at once, unread`, () => {
    const atLimit = importFiles([{ path: 'export.zip', bytes: zipOf(MAX_ZIP_ENTRIES) }]);
    expect(atLimit.problems.map((problem) => problem.message).join()).not.toContain('limit');

    const big = zipOf(20_000);
    const started = performance.now();
    const over = importFiles([
      { path: 'export.zip', bytes: big },
      { path: 'one.zip', bytes: zipOf(MAX_ZIP_ENTRIES + 1) },
    ]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(over.hooks).toEqual([]);
    expect(over.problems).toEqual([
      {
        file: 'export.zip',
        message:
          "Not opened: it holds 20,000 entries. Entries of a zip: at most 2,000 (Hookpad's limit).",
      },
      {
        file: 'one.zip',
        message:
          "Not opened: it holds 2,001 entries. Entries of a zip: at most 2,000 (Hookpad's limit).",
      },
    ]);
  });
});
