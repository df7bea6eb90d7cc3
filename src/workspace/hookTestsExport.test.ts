import { strToU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { TestCase } from '../core/testCases/testCaseSchema';
import { exportDirectory, exportYaml, zipFiles, type ExportedFile } from './exportHooks';
import type { HookRecord } from './hookRecord';
import { HookTestsFileSchema } from './hookTestsFile';
import { importFiles } from './importHooks';
import { newHook } from './newHook';

const claimTest: TestCase = {
  id: 'test-claim',
  name: 'adds the plan claim',
  payloadText: '{ "client": { "id": "abc" } }',
  overrides: { secrets: { SIGNING_KEY: 's3cret-value', EMPTY: '' }, timeoutMs: 4000 },
  expectations: { outcome: { status: 'succeeded' }, claims: { kept: { contains: {} } } },
};
const signupTest: TestCase = {
  id: 'test-signup',
  name: 'signs up',
  payloadText: '{}',
  expectations: { outcome: { status: 'succeeded' } },
};

const tested = (record: HookRecord, tests: TestCase[]): HookRecord => ({ ...record, tests });
const withoutTests: HookRecord[] = [
  newHook({ pointId: 'credentials-exchange', name: 'Add plan claim', enabled: true }),
  newHook({ pointId: 'pre-user-registration', name: 'signup' }),
  newHook({ pointId: 'post-user-registration', name: 'no tests' }),
];
const withTests: HookRecord[] = [
  tested(withoutTests[0]!, [claimTest]),
  tested(withoutTests[1]!, [signupTest, { ...signupTest, id: 'test-2', name: 'again' }]),
  withoutTests[2]!,
];

const asImport = (files: readonly ExportedFile[]) =>
  importFiles(files.map((file) => ({ path: file.path, bytes: strToU8(file.text) })));
const isTestsFile = (file: ExportedFile) => file.path.startsWith('hookpad-tests/');
const withoutIds = (tests: readonly TestCase[]) => tests.map(({ id: _id, ...rest }) => rest);
const testsByHook = (result: ReturnType<typeof importFiles>) =>
  Object.fromEntries(result.hooks.map(({ record }) => [record.name, withoutIds(record.tests)]));

describe.each([
  ['directory', exportDirectory],
  ['YAML', exportYaml],
])('%s export with tests', (_format, exportHooks) => {
  test('one hookpad-tests/<hook file name>.json per hook with tests, in the documented shape', () => {
    const files = exportHooks(withTests, { includeSecrets: true }).filter(isTestsFile);
    expect(files.map((file) => file.path)).toEqual([
      'hookpad-tests/add-plan-claim.json',
      'hookpad-tests/signup.json',
    ]);
    expect(JSON.parse(files[0]!.text)).toEqual({
      format: 'hookpad-tests',
      version: 1,
      hook: 'Add plan claim',
      tests: [claimTest],
    });
    expect(HookTestsFileSchema.parse(JSON.parse(files[1]!.text)).tests).toHaveLength(2);
  });

  test('the hook files are byte-identical to those of the same export without tests', () => {
    for (const includeSecrets of [true, false]) {
      const plain = exportHooks(withoutTests, { includeSecrets });
      const files = exportHooks(withTests, { includeSecrets });
      expect(files.filter((file) => !isTestsFile(file))).toEqual(plain);
      const zipped = unzipSync(zipFiles(files));
      const plainZipped = unzipSync(zipFiles(plain));
      for (const [path, bytes] of Object.entries(plainZipped)) {
        expect(zipped[path]).toEqual(bytes);
      }
    }
  });

  test('import reads the tests back onto their hooks, from the files and from a zip', () => {
    const files = exportHooks(withTests, { includeSecrets: true });
    const expected = {
      'Add plan claim': withoutIds([claimTest]),
      signup: withoutIds(withTests[1]!.tests),
      'no tests': [],
    };
    const fromFiles = asImport(files);
    expect(fromFiles.problems).toEqual([]);
    expect(testsByHook(fromFiles)).toEqual(expected);

    const fromZip = importFiles([{ path: 'export.zip', bytes: zipFiles(files) }]);
    expect(fromZip.problems).toEqual([]);
    expect(testsByHook(fromZip)).toEqual(expected);
    // New ids: the tests of the hooks exported may still be in the workspace.
    const ids = fromZip.hooks.flatMap(({ record }) => record.tests.map((test) => test.id));
    expect(ids).not.toContain('test-claim');
  });

  test('without secrets, test secret values are "", the file says so, and import warns', () => {
    const files = exportHooks(withTests, { includeSecrets: false });
    const claims = files.find((file) => file.path === 'hookpad-tests/add-plan-claim.json');
    expect(claims?.text).not.toContain('s3cret-value');
    expect(JSON.parse(claims!.text)).toMatchObject({
      secretValuesHidden: true,
      tests: [{ overrides: { secrets: { SIGNING_KEY: '', EMPTY: '' }, timeoutMs: 4000 } }],
    });
    // A file whose tests set no secret hid nothing and says nothing.
    const signup = files.find((file) => file.path === 'hookpad-tests/signup.json');
    expect(JSON.parse(signup!.text)).not.toHaveProperty('secretValuesHidden');

    const result = asImport(files);
    expect(result.problems).toEqual([
      {
        file: 'hookpad-tests/add-plan-claim.json',
        message:
          'Warning: hook "Add plan claim" has tests whose secret values were not exported: they are empty, and those tests run with empty secrets.',
      },
    ]);
    expect(result.hooks).toHaveLength(3);
  });
});

describe('importing hookpad-tests files', () => {
  const exported = exportDirectory(withTests, { includeSecrets: true });
  const testsFile = (path: string) => exported.find((file) => file.path === path)!;
  const hookFiles = exported.filter((file) => !isTestsFile(file));

  test('tests that name no imported hook are a warning; the hooks are imported', () => {
    const orphan = { ...testsFile('hookpad-tests/signup.json'), path: 'hookpad-tests/gone.json' };
    const text = orphan.text.replace('"hook": "signup"', '"hook": "gone"');
    const result = asImport([...hookFiles, { path: orphan.path, text }]);
    expect(result.hooks).toHaveLength(3);
    expect(result.problems).toEqual([
      {
        file: 'hookpad-tests/gone.json',
        message: 'Warning: these tests were not imported: no imported hook is named "gone".',
      },
    ]);
  });

  test('an invalid tests file is a warning naming the file and the schema problem', () => {
    const result = asImport([
      ...hookFiles,
      { path: 'hookpad-tests/signup.json', text: '{ "format": "hookpad-tests", "version": 1 }' },
      { path: 'hookpad-tests/broken.json', text: '{ nope' },
    ]);
    expect(result.hooks).toHaveLength(3);
    expect(result.problems).toEqual([
      {
        file: 'hookpad-tests/broken.json',
        message: expect.stringMatching(
          /^Warning: these tests were not imported: not valid JSON: /,
        ) as string,
      },
      {
        file: 'hookpad-tests/signup.json',
        message:
          'Warning: these tests were not imported: not a Hookpad tests file: hook: must be the name of a hook; tests: must be a list of tests.',
      },
    ]);
  });

  test('an invalid test is skipped with a warning naming it; the others are imported', () => {
    const file = JSON.parse(testsFile('hookpad-tests/signup.json').text) as {
      tests: Record<string, unknown>[];
    };
    file.tests[0] = { ...file.tests[0], payloadText: '{' };
    const result = asImport([
      ...hookFiles,
      { path: 'hookpad-tests/signup.json', text: JSON.stringify(file) },
    ]);
    expect(result.problems).toEqual([
      {
        file: 'hookpad-tests/signup.json',
        message:
          'Warning: tests[0] "signs up" was not imported: payloadText: The payload must be valid JSON..',
      },
    ]);
    expect(testsByHook(result)['signup']?.map((test) => test.name)).toEqual(['again']);
  });

  test('a folder selection pairs the tests with the hooks of the same export', () => {
    const twice = [
      ...exported.map((file) => ({ ...file, path: `tenant-a/${file.path}` })),
      ...exportDirectory([withoutTests[1]!], { includeSecrets: true }).map((file) => ({
        ...file,
        path: `tenant-b/${file.path}`,
      })),
    ];
    const result = asImport(twice);
    expect(result.problems).toEqual([]);
    const signups = result.hooks.filter(({ record }) => record.name === 'signup');
    expect(signups.map(({ source, record }) => [source, record.tests.length])).toEqual([
      ['tenant-a/hooks/signup.json', 2],
      ['tenant-b/hooks/signup.json', 0],
    ]);
  });
});
