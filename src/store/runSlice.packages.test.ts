// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { manifest, packTarball } from '../packages/tarballs.testSupport';
import { PACKAGES_STORE } from '../persist/createPackageRepository';
import { createStore } from 'idb-keyval';
import { uniqueName } from '../persist/storageFakes.testSupport';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { createAppPackageRepository } from './packageRepository';
import { newTest } from './testsStore.testSupport';

const tarball = (name: string, version: string, dependencies: Record<string, string> = {}) =>
  packTarball({
    'package.json': manifest(name, version, { dependencies }),
    'index.js': `module.exports = ${JSON.stringify(`${name}@${version}`)};`,
  });

async function setup({
  idb = createStore(uniqueName('packages'), PACKAGES_STORE),
  load = true,
} = {}) {
  const workbench = createFakeRunner();
  const tests = createFakeRunner();
  const store = createAppStore({
    runner: workbench.runner,
    testRunner: tests.runner,
    packages: {
      repository: createAppPackageRepository(idb),
      connectRegistry: () => ({ fetch: () => Promise.reject(new Error('offline')), dispose() {} }),
      registrySetting: { load: () => null, save() {} },
    },
  });
  if (load) await store.getState().loadPackages();
  const state = () => store.getState();
  const hookId = state().selectedHookId;
  const setCode = (code: string) => state().setCode(hookId, code);
  const treePaths = (index: number) =>
    workbench.runs[index]?.request.packages?.files.map(({ path }) => path);
  return {
    store,
    state,
    hookId,
    setCode,
    runs: workbench.runs,
    prepared: workbench.prepared,
    testRuns: tests.runs,
    treePaths,
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('runs with stored packages', () => {
  it('sends no tree when the hook requires nothing stored', async () => {
    const { state, setCode, runs, prepared } = await setup();
    setCode("module.exports = (u, c, cb) => cb(null, require('lodash'));");
    state().startRun();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.request.packages).toBeUndefined();
    // The request left at once: nothing to overlap.
    expect(prepared.count).toBe(0);
  });

  it('has the sandbox start while a run waits for the stored list, not after', async () => {
    // The app's first run: the list of stored packages is still being read.
    const { state, runs, prepared } = await setup({ load: false });
    state().startRun();
    expect(state().run.status).toBe('running');
    expect(runs).toHaveLength(0);
    expect(prepared.count).toBe(1);
    await until(() => runs.length === 1);
    expect(runs[0]!.request.packages).toEqual({ files: [] });
  });

  it('gives the run the tree of what its code requires, read from storage once', async () => {
    const { state, setCode, runs, treePaths } = await setup();
    await state().addPackageFiles([
      { name: 'a.tgz', bytes: tarball('a', '1.0.0', { b: '^2' }) },
      { name: 'b.tgz', bytes: tarball('b', '2.1.0') },
      { name: 'c.tgz', bytes: tarball('c', '1.0.0') },
    ]);
    setCode("module.exports = (u, c, cb) => cb(null, require('a@1.0.0'));");
    state().startRun();
    // The first run waits for the stored files; "Running…" shows meanwhile.
    expect(state().run.status).toBe('running');
    await until(() => runs.length === 1);
    expect(treePaths(0)).toEqual([
      'node_modules/a/package.json',
      'node_modules/a/index.js',
      'node_modules/b/package.json',
      'node_modules/b/index.js',
    ]);
    runs[0]!.settle({ status: 'succeeded', response: 'a@1.0.0', durationMs: 1 });
    runs[0]!.finish();
    await until(() => state().run.status === 'done');

    // The next run's tree is in memory: the request leaves at once.
    state().startRun();
    expect(runs).toHaveLength(2);
    expect(treePaths(1)).toEqual(treePaths(0));
  });

  it('waits for the stored list when it runs before the store has listed it (just after a reload)', async () => {
    const idb = createStore(uniqueName('packages'), PACKAGES_STORE);
    const before = await setup({ idb });
    await before.state().addPackageFiles([{ name: 'a.tgz', bytes: tarball('a', '1.0.0') }]);

    const { state, setCode, runs, treePaths } = await setup({ idb, load: false });
    expect(state().packages.status).toBe('loading');
    setCode("module.exports = (u, c, cb) => cb(null, require('a'));");
    state().startRun();
    await until(() => runs.length === 1);
    expect(treePaths(0)).toEqual(['node_modules/a/package.json', 'node_modules/a/index.js']);
  });

  it('takes the declared version of an unpinned require', async () => {
    const { state, hookId, setCode, runs } = await setup();
    await state().addPackageFiles([
      { name: 'c1.tgz', bytes: tarball('c', '1.0.0') },
      { name: 'c2.tgz', bytes: tarball('c', '2.0.0') },
    ]);
    setCode("module.exports = (u, c, cb) => cb(null, require('c'));");
    state().setDependencies(hookId, { c: '^1' });
    state().startRun();
    await until(() => runs.length === 1);
    const index = runs[0]!.request.packages?.files.find(
      ({ path }) => path === 'node_modules/c/index.js',
    );
    expect(index?.text).toContain('c@1.0.0');
  });

  it('is cancelled while it waits for storage, and then never starts', async () => {
    const { state, setCode, runs } = await setup();
    await state().addPackageFiles([{ name: 'a.tgz', bytes: tarball('a', '1.0.0') }]);
    setCode("module.exports = (u, c, cb) => cb(null, require('a'));");
    state().startRun();
    state().cancelRun();
    expect(state().run).toMatchObject({ status: 'done', outcome: { status: 'cancelled' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toHaveLength(0);
  });

  it('does not start when the stored packages cannot be laid out, and says why', async () => {
    const { state, setCode, runs } = await setup();
    await state().addPackageFiles([
      { name: 'a.tgz', bytes: tarball('a', '1.0.0', { missing: '^1' }) },
    ]);
    setCode("module.exports = (u, c, cb) => cb(null, require('a'));");
    state().startRun();
    await until(() => state().run.status === 'done');
    expect(runs).toHaveLength(0);
    expect(state().run.outcome).toMatchObject({
      status: 'not-started',
      field: 'dependencies',
      message: expect.stringMatching(
        /^The stored packages could not be laid out for this run: a@1\.0\.0 > missing@\^1: .*missing/,
      ),
    });
  });

  it("gives a saved test's run the tree its hook needs", async () => {
    const { state, hookId, setCode, testRuns } = await setup();
    await state().addPackageFiles([{ name: 'a.tgz', bytes: tarball('a', '1.0.0') }]);
    setCode("module.exports = (u, c, cb) => cb(null, require('a'));");
    const testId = state().saveTest(hookId, newTest('uses a'));
    void state().runTest(hookId, testId);
    await until(() => testRuns.length === 1);
    expect(testRuns[0]!.request.packages?.files.map(({ path }) => path)).toEqual([
      'node_modules/a/package.json',
      'node_modules/a/index.js',
    ]);
  });
});
