import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml } from './parseXml.testSupport';
import { runInWorker } from './runInWorker';

// The command as CI runs it: the Vite bundle, launched by src/cli/hookpad.mjs in a new Node.
// The bundle is built into a folder of this test's own, so no other build can replace it.
const FIXTURE = 'src/cli/fixtures/with-tests';
const scratch = mkdtempSync(join(tmpdir(), 'hookpad-cli-'));
const bundle = join(scratch, 'bundle');

function hookpad(...args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/hookpad.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HOOKPAD_CLI_DIR: bundle, HOOKPAD_CLI_NO_BUILD: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const vite = 'node_modules/vite/bin/vite.js';
  execFileSync(process.execPath, [vite, 'build', '--mode', 'cli', '--outDir', bundle]);
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each test starts Node a few times: seconds on a busy machine.
describe('hookpad test', { timeout: 30_000 }, () => {
  it('passes on the fixture export, prints the table and writes valid JUnit XML', () => {
    const output = join(scratch, 'junit.xml');
    const { status, stdout } = hookpad('test', FIXTURE, '--reporter', 'junit', '--output', output);
    expect(stdout).toMatch(/^Hook {14}Test {30}Result {2}Duration\n/);
    expect(stdout).toMatch(/signup-plan {7}denies disposable emails {10}passed {2}\d+ ms\n/);
    expect(stdout).toContain('\n4 passed, 0 failed\n');
    expect(status).toBe(0);
    const junit = parseXml(readFileSync(output, 'utf8'));
    expect(junit.attributes).toMatchObject({ tests: '4', failures: '0', errors: '0' });
    expect(junit.children.map((suite) => suite.attributes.name)).toEqual([
      'password-changed',
      'signup-plan',
    ]);
  });

  it('exits 1 and prints Expected, Actual and the diff when a hook no longer does what its test says', () => {
    const copy = join(scratch, 'failing');
    cpSync(FIXTURE, copy, { recursive: true });
    const script = join(copy, 'hooks', 'signup-plan.js');
    writeFileSync(
      script,
      readFileSync(script, 'utf8').replace('context.webtask.secrets.DEFAULT_PLAN', "'gold'"),
    );
    const { status, stdout } = hookpad('test', copy);
    expect(stdout).toContain('\n2 passed, 2 failed\n');
    expect(stdout).toContain(
      [
        'FAILED  signup-plan › gives new users the default plan',
        '  the run succeeded',
        '  mergedUser',
        '    Expected: {"contains":{"email":"ada@example.com","app_metadata":{"plan":"free"}}}',
      ].join('\n'),
    );
    expect(stdout).toContain('      app_metadata.plan: expected "free", got "gold"\n');
    expect(status).toBe(1);
  });

  it('reports a test that times out as such, and still runs the others', () => {
    const copy = join(scratch, 'timeout');
    cpSync(FIXTURE, copy, { recursive: true });
    const script = join(copy, 'hooks', 'password-changed.js');
    writeFileSync(script, 'module.exports = function () { while (true) {} };\n');
    const { status, stdout } = hookpad('test', copy, '--timeout', '1000');
    expect(stdout).toMatch(/password-changed {2}tells Slack {23}TIMED OUT {2}[\d.]+ m?s\n/);
    expect(stdout).toContain('\n3 passed, 0 failed, 1 timed out\n');
    expect(stdout).toMatch(/the run timed out after \d+ ms \(the callback was never called\)/);
    expect(status).toBe(1);
  });

  it('exits 2 with a clear message on bad usage or unreadable input', () => {
    expect(hookpad('test', '--reporter', 'html', FIXTURE)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(
        'hookpad: --reporter must be table or junit; got "html".\n\nUsage: hookpad test <path>',
      ),
    });
    expect(hookpad('test', join(scratch, 'missing'))).toMatchObject({
      status: 2,
      stderr: `hookpad: Cannot read ${join(scratch, 'missing')}: no such file or folder.\n`,
    });
    expect(hookpad('test', 'src/workspace/fixtures/directory')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(
        'hookpad: No tests found in src/workspace/fixtures/directory',
      ),
    });
  });
});

describe('the test worker', { timeout: 30_000 }, () => {
  const limits = (timeoutMs: number) => ({
    workerUrl: pathToFileURL(join(bundle, 'testWorker.mjs')),
    timeoutMs,
    memoryMb: 64,
  });
  const request = (code: string) => ({
    point: 'pre-user-registration' as const,
    kind: 'action' as const,
    code,
    payload: { user: { email: 'a@b.c' }, context: { connection: {} } },
    secrets: {},
    graceMs: 0,
  });

  it('runs an Action when the request says so: its outcome and api calls', async () => {
    const code =
      "exports.onExecutePreUserRegistration = async (event, api) => { api.user.setUserMetadata('plan', 'gold'); };";
    const run = await runInWorker(request(code), limits(10_000));
    expect(run.outcome).toMatchObject({
      status: 'succeeded',
      response: { user: { user_metadata: { plan: 'gold' } } },
      apiCalls: [{ seq: 0, method: 'api.user.setUserMetadata', args: ['plan', 'gold'] }],
    });
  });

  it('says the outcome is known before the grace period ends, and keeps what the period adds', async () => {
    const code = [
      'module.exports = function (user, context, cb) {',
      "  setTimeout(function () { console.log('late'); }, 200);",
      '  cb(null, { user: {} });',
      '};',
    ].join('\n');
    let settledAt: number | undefined;
    const started = performance.now();
    const { kind: _action, ...hook } = { ...request(code), graceMs: 600 };
    const run = await runInWorker(hook, limits(10_000), () => {
      settledAt ??= performance.now();
    });
    const endedAt = performance.now();
    expect(run.outcome.status).toBe('succeeded');
    expect(settledAt).toBeDefined();
    // The grace period (600 ms) lies between the outcome and the worker's end.
    expect(endedAt - settledAt!).toBeGreaterThanOrEqual(500);
    expect(settledAt! - started).toBeLessThan(endedAt - started);
    expect(run.logs.map((entry) => [entry.text, entry.afterCallback])).toContainEqual([
      'late',
      true,
    ]);
  });

  it('times out an Action that never completes with the Action’s hint', async () => {
    const code = 'exports.onExecutePreUserRegistration = () => new Promise(() => {});';
    const run = await runInWorker(request(code), limits(300));
    expect(run.outcome).toMatchObject({
      status: 'timed-out',
      hint: "the Action's handler never completed",
    });
  });
});
