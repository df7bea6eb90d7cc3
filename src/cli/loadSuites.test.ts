import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportWorkspaceJson } from '../workspace/workspaceJson';
import { InputError, loadSuites } from './loadSuites';

const FIXTURE = 'src/cli/fixtures/with-tests';
const YAML_FIXTURE = 'src/workspace/fixtures/yaml';

const folders: string[] = [];
function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hookpad-suites-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const testsFile = (hook: string, tests: unknown[]) =>
  JSON.stringify({ format: 'hookpad-tests', version: 1, hook, tests });
const aTest = {
  id: 't1',
  name: 'keeps the plan claim',
  payloadText: '{}',
  expectations: { outcome: { status: 'succeeded' } },
};

describe('loadSuites', () => {
  it('reads a deploy-cli directory export with its hookpad-tests folder', async () => {
    const { suites, warnings } = await loadSuites(FIXTURE);
    expect(warnings).toEqual([]);
    expect(suites.map((s) => [s.hook.name, s.hook.pointId, s.tests.map((t) => t.name)])).toEqual([
      ['password-changed', 'post-change-password', ['tells Slack']],
      [
        'signup-plan',
        'pre-user-registration',
        ['gives new users the default plan', 'uses the plan secret', 'denies disposable emails'],
      ],
    ]);
  });

  it('reads the YAML form, given its folder or its tenant.yaml', async () => {
    const root = scratch();
    cpSync(YAML_FIXTURE, root, { recursive: true });
    mkdirSync(join(root, 'hookpad-tests'));
    writeFileSync(
      join(root, 'hookpad-tests', 'client-credentials-exchange.json'),
      testsFile('Client Credentials Exchange', [aTest]),
    );
    for (const path of [root, join(root, 'tenant.yaml')]) {
      const { suites } = await loadSuites(path);
      expect(suites.map((s) => [s.hook.name, s.tests.map((t) => t.name)])).toEqual([
        ['Client Credentials Exchange', ['keeps the plan claim']],
      ]);
    }
  });

  it('reads a zip of an export', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const folder of ['hooks', 'hookpad-tests']) {
      for (const name of readdirSync(join(FIXTURE, folder))) {
        files[`tenant/${folder}/${name}`] = readFileSync(join(FIXTURE, folder, name));
      }
    }
    const zip = join(scratch(), 'tenant.zip');
    writeFileSync(zip, zipSync(files));
    const { suites } = await loadSuites(zip);
    expect(suites.map((s) => [s.hook.name, s.tests.length])).toEqual([
      ['password-changed', 1],
      ['signup-plan', 3],
    ]);
  });

  it('reads the tests a workspace file carries on its hooks', async () => {
    const { suites } = await loadSuites(FIXTURE);
    const file = join(scratch(), 'workspace.json');
    writeFileSync(
      file,
      exportWorkspaceJson(
        suites.map((s) => s.hook),
        { includeSecrets: true },
      ),
    );
    const fromFile = await loadSuites(file);
    expect(fromFile.suites.map((s) => [s.hook.name, s.tests.length])).toEqual([
      ['password-changed', 1],
      ['signup-plan', 3],
    ]);
  });

  it('refuses a path that does not exist', async () => {
    await expect(loadSuites('no/such/folder')).rejects.toThrow(
      new InputError('Cannot read no/such/folder: no such file or folder.'),
    );
  });

  it('refuses tests that name a hook the export lacks, or that cannot be read', async () => {
    const root = scratch();
    cpSync(FIXTURE, root, { recursive: true });
    const gone = join(root, 'hookpad-tests', 'gone.json');
    const refusal = (message: string) => new RegExp(`hookpad-tests/gone\\.json: ${message}`);
    writeFileSync(gone, testsFile('gone', [aTest]));
    await expect(loadSuites(root)).rejects.toThrow(
      refusal('these tests were not imported: no imported hook is named "gone"\\.$'),
    );
    writeFileSync(gone, '{ "format": "hookpad-tests" ');
    await expect(loadSuites(root)).rejects.toThrow(
      refusal('these tests were not imported: not valid JSON'),
    );
    writeFileSync(gone, testsFile('signup-plan', [aTest, { ...aTest, name: ' ' }]));
    await expect(loadSuites(root)).rejects.toThrow(
      refusal('tests\\[1\\] " " was not imported: name: A test needs a name\\.'),
    );
  });

  it('refuses a folder without hooks', async () => {
    await expect(loadSuites(scratch())).rejects.toThrow(/^No hooks found in /);
  });
});
