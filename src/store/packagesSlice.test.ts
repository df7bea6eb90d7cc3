// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  fakeRegistry,
  TEST_REGISTRY,
  type FakeVersion,
} from '../packages/registryFixtures.testSupport';
import { manifest, packTarball } from '../packages/tarballs.testSupport';
import { PACKAGES_STORE } from '../persist/createPackageRepository';
import { createStoreSeam, quotaError, uniqueName } from '../persist/storageFakes.testSupport';
import { createAppStore } from './createAppStore';
import { createFakeRunner } from './fakeRunner.testSupport';
import { createAppPackageRepository } from './packageRepository';

/** A run whose hook declares these dependencies (its code requires nothing literally). */
const declared = (dependencies: Record<string, string>) => ({ code: '', declared: dependencies });

const VERSIONS: FakeVersion[] = [
  { name: 'ms', version: '2.1.3' },
  { name: 'debug', version: '4.3.4', dependencies: { ms: '2.1.2 || ^2.1.3' } },
  {
    name: 'lodash',
    version: '4.17.20',
    files: { 'index.js': 'module.exports = { version: "4.17.20" };' },
  },
  {
    name: 'lodash',
    version: '4.17.21',
    files: { 'index.js': 'module.exports = { version: "4.17.21" };' },
  },
];

async function setup({ seam = createStoreSeam(), saved = null as string | null } = {}) {
  const registry = await fakeRegistry(VERSIONS);
  const connected: string[] = [];
  const disposed: string[] = [];
  const settings: string[] = [];
  const repository = createAppPackageRepository(seam.open(uniqueName('packages'), PACKAGES_STORE));
  const store = createAppStore({
    runner: createFakeRunner().runner,
    testRunner: createFakeRunner().runner,
    packages: {
      repository,
      connectRegistry: (address) => {
        connected.push(address);
        return { fetch: registry.fetch, dispose: () => disposed.push(address) };
      },
      registrySetting: { load: () => saved, save: (address) => settings.push(address) },
    },
  });
  await store.getState().loadPackages();
  const state = () => store.getState().packages;
  const ids = () => state().stored.map(({ name, version }) => `${name}@${version}`);
  return { store, state, ids, registry, connected, disposed, settings, seam, repository };
}

describe('the package store', () => {
  it('starts empty and ready, with the public registry unless one was saved', async () => {
    const fresh = await setup();
    expect(fresh.state()).toMatchObject({ status: 'ready', stored: [], busy: null });
    expect(fresh.state().registry).toBe('https://registry.npmjs.org/');
    const saved = await setup({ saved: 'https://mirror.corp/npm' });
    expect(saved.state().registry).toBe('https://mirror.corp/npm/');
  });

  it('fetches a dependency with its whole tree through the registry door, and lists them', async () => {
    const { store, state, ids, registry, connected } = await setup();
    expect(store.getState().setRegistry(TEST_REGISTRY)).toBeNull();
    await store.getState().fetchPackages([{ name: 'debug', range: '^4' }]);
    expect(ids()).toEqual(['debug@4.3.4', 'ms@2.1.3']);
    expect(state().stored[0]).toMatchObject({
      source: 'registry',
      dependencies: { ms: '2.1.2 || ^2.1.3' },
      fileCount: 2,
    });
    expect(connected).toEqual([TEST_REGISTRY]);
    expect(registry.requests.map(({ url }) => url)).toEqual([
      `${TEST_REGISTRY}debug`,
      `${TEST_REGISTRY}ms`,
      `${TEST_REGISTRY}debug/-/debug-4.3.4.tgz`,
      `${TEST_REGISTRY}ms/-/ms-2.1.3.tgz`,
    ]);
    expect(state().notice).toMatchObject({
      kind: 'success',
      message: expect.stringMatching(
        /^Stored 2 packages \(\d+ KiB\) from https:\/\/registry\.example\/\.$/,
      ),
      details: ['debug@4.3.4', 'ms@2.1.3'],
    });
    expect(state().busy).toBeNull();
  });

  it('downloads only what is not stored yet', async () => {
    const { store, registry } = await setup();
    store.getState().setRegistry(TEST_REGISTRY);
    await store.getState().fetchPackages([{ name: 'ms', range: 'latest' }]);
    registry.requests.length = 0;
    await store.getState().fetchPackages([{ name: 'debug', range: '4.3.4' }]);
    expect(registry.requests.map(({ url }) => url)).not.toContain(
      `${TEST_REGISTRY}ms/-/ms-2.1.3.tgz`,
    );
  });

  it('stores nothing when one tarball of the tree fails its integrity', async () => {
    const { store, state, ids, registry } = await setup();
    store.getState().setRegistry(TEST_REGISTRY);
    const url = `${TEST_REGISTRY}ms/-/ms-2.1.3.tgz`;
    registry.tarballs.set(
      url,
      packTarball({ 'package.json': manifest('ms', '2.1.3'), 'index.js': 'evil' }),
    );
    await store.getState().fetchPackages([{ name: 'debug', range: '^4' }]);
    expect(ids()).toEqual([]);
    expect(state().notice?.kind).toBe('error');
    expect(state().notice?.message).toMatch(
      /^Nothing was stored: Integrity check failed for ms@2\.1\.3: .*The download was discarded\.$/,
    );
  });

  it('says when the registry does not have the package, and stores nothing', async () => {
    const { store, state, ids } = await setup();
    store.getState().setRegistry(TEST_REGISTRY);
    await store.getState().fetchPackages([{ name: 'left-pad', range: '^1' }]);
    expect(ids()).toEqual([]);
    expect(state().notice?.message).toMatch(/left-pad.*404/);
  });

  it('refuses a registry address that is not http(s), keeping the old one', async () => {
    const { store, state, settings } = await setup();
    expect(store.getState().setRegistry('ftp://mirror')).toMatch(/must start with https:\/\//);
    expect(state().registry).toBe('https://registry.npmjs.org/');
    expect(settings).toEqual([]);
    expect(store.getState().setRegistry('http://127.0.0.1:4873')).toBeNull();
    expect(settings).toEqual(['http://127.0.0.1:4873/']);
  });

  it('opens a new door when the registry changes and closes the old one', async () => {
    const { store, connected, disposed } = await setup();
    store.getState().setRegistry(TEST_REGISTRY);
    await store.getState().fetchPackages([{ name: 'ms', range: '*' }]);
    store.getState().setRegistry('https://mirror.example/');
    await store.getState().fetchPackages([{ name: 'ms', range: '*' }]);
    expect(connected).toEqual([TEST_REGISTRY, 'https://mirror.example/']);
    expect(disposed).toEqual([TEST_REGISTRY]);
  });

  it('adds packages from files, and names every file it cannot use while storing none', async () => {
    const { store, state, ids } = await setup();
    const good = packTarball({ 'package.json': manifest('a', '1.0.0'), 'index.js': '1' });
    await store.getState().addPackageFiles([
      { name: 'a-1.0.0.tgz', bytes: good },
      { name: 'notes.txt', bytes: new TextEncoder().encode('hello') },
    ]);
    expect(ids()).toEqual([]);
    expect(state().notice).toMatchObject({
      kind: 'error',
      message: 'Nothing was stored: 1 problem in 2 files.',
      details: [expect.stringMatching(/^notes\.txt: Not a package file/)],
    });
    await store.getState().addPackageFiles([{ name: 'a-1.0.0.tgz', bytes: good }]);
    expect(ids()).toEqual(['a@1.0.0']);
    expect(state().stored[0]?.source).toBe('file');
  });

  it('reports a full disk and leaves the store as it was', async () => {
    const seam = createStoreSeam();
    const { store, state, ids } = await setup({ seam });
    seam.failWith = quotaError();
    await store
      .getState()
      .addPackageFiles([
        { name: 'a.tgz', bytes: packTarball({ 'package.json': manifest('a', '1.0.0') }) },
      ]);
    expect(ids()).toEqual([]);
    expect(state().notice?.message).toMatch(/storage is full.*your hooks are not affected/);
  });

  it('removes packages', async () => {
    const { store, ids } = await setup();
    store.getState().setRegistry(TEST_REGISTRY);
    await store.getState().fetchPackages([{ name: 'debug', range: '^4' }]);
    await store.getState().removePackages(['ms@2.1.3']);
    expect(ids()).toEqual(['debug@4.3.4']);
  });

  it('says the store is unavailable when it cannot be read', async () => {
    const store = createAppStore({
      runner: createFakeRunner().runner,
      testRunner: createFakeRunner().runner,
      packages: {
        repository: {
          list: () => Promise.reject(new Error('blocked')),
          get: () => Promise.resolve([]),
          put: () => Promise.resolve(),
          remove: () => Promise.resolve(),
        },
        connectRegistry: () => ({ fetch: () => Promise.reject(new Error('no')), dispose() {} }),
        registrySetting: { load: () => null, save() {} },
      },
    });
    await store.getState().loadPackages();
    expect(store.getState().packages.status).toBe('unavailable');
    expect(store.getState().packages.notice?.message).toMatch(/could not be read \(blocked\)/);
  });
});

describe('package trees for runs', () => {
  it('lays out the stored versions a run needs, once per stored set, and in memory after', async () => {
    const seam = createStoreSeam();
    const { store, repository } = await setup({ seam });
    store.getState().setRegistry(TEST_REGISTRY);
    await store.getState().fetchPackages([
      { name: 'debug', range: '^4' },
      { name: 'lodash', range: '4.17.20' },
    ]);
    await store.getState().fetchPackages([{ name: 'lodash', range: '4.17.21' }]);
    let reads = 0;
    const get = repository.get;
    repository.get = (ids) => {
      reads += 1;
      return get(ids);
    };

    expect(store.getState().packageTreeFor(declared({}))).toEqual({ kind: 'none' });
    expect(store.getState().packageTreeFor(declared({ axios: '^1' }))).toEqual({ kind: 'none' });
    const first = store.getState().packageTreeFor(declared({ debug: 'latest', lodash: '^4.17.0' }));
    expect(first.kind).toBe('pending');
    const tree = first.kind === 'pending' ? await first.tree : undefined;
    expect(tree?.files.map(({ path }) => path)).toEqual([
      'node_modules/debug/package.json',
      'node_modules/debug/index.js',
      'node_modules/lodash/package.json',
      'node_modules/lodash/index.js',
      'node_modules/ms/package.json',
      'node_modules/ms/index.js',
    ]);
    expect(tree?.files.find(({ path }) => path === 'node_modules/lodash/index.js')?.text).toContain(
      '4.17.21',
    );
    const again = store.getState().packageTreeFor(declared({ debug: 'latest', lodash: '^4.17.0' }));
    expect(again).toEqual({ kind: 'ready', tree });
    expect(reads).toBe(1);

    // A change to the store lays the tree out anew.
    await store.getState().removePackages(['lodash@4.17.21']);
    const after = store.getState().packageTreeFor(declared({ debug: 'latest', lodash: '^4.17.0' }));
    expect(after.kind).toBe('pending');
    const relaid = after.kind === 'pending' ? await after.tree : undefined;
    expect(
      relaid?.files.find(({ path }) => path === 'node_modules/lodash/index.js')?.text,
    ).toContain('4.17.20');
  });

  it('fails with the chain when a stored package lacks a dependency', async () => {
    const { store } = await setup();
    await store.getState().addPackageFiles([
      {
        name: 'debug.tgz',
        bytes: packTarball({
          'package.json': manifest('debug', '4.3.4', { dependencies: { ms: '^2' } }),
        }),
      },
    ]);
    const tree = store.getState().packageTreeFor(declared({ debug: '*' }));
    expect(tree.kind).toBe('pending');
    if (tree.kind === 'pending') await expect(tree.tree).rejects.toThrow(/debug@4\.3\.4 > ms@\^2/);
  });
});

describe('stored versions for share links', () => {
  it('names the stored version each dependency runs with, and none for what is not stored', async () => {
    const { store } = await setup();
    store.getState().setRegistry(TEST_REGISTRY);
    expect(
      await store.getState().storedVersionsFor({ code: "require('lodash')", declared: {} }),
    ).toEqual({});
    await store.getState().fetchPackages([{ name: 'lodash', range: '4.17.20' }]);
    await store.getState().fetchPackages([{ name: 'lodash', range: '4.17.21' }]);
    expect(
      await store.getState().storedVersionsFor({
        code: "var _ = require('lodash'); var d = require('debug');",
        declared: { lodash: '~4.17.20', axios: '^1' },
      }),
    ).toEqual({ lodash: '4.17.21' });
    expect(
      await store.getState().storedVersionsFor({
        code: "require('lodash@4.17.20')",
        declared: {},
      }),
    ).toEqual({ lodash: '4.17.20' });
  });
});

describe('two tabs', () => {
  it('lists what another tab stored or removed, and gives runs the new tree', async () => {
    const idb = createStoreSeam().open(uniqueName('packages'), PACKAGES_STORE);
    const listeners: (() => void)[] = [];
    const tab = (index: number) =>
      createAppStore({
        runner: createFakeRunner().runner,
        testRunner: createFakeRunner().runner,
        packages: {
          repository: createAppPackageRepository(idb),
          connectRegistry: () => ({ fetch: () => Promise.reject(new Error('no')), dispose() {} }),
          registrySetting: { load: () => null, save() {} },
          tabs: {
            // A BroadcastChannel reaches the other tabs, never the sender.
            announce: () => listeners.forEach((listener, at) => at !== index && listener()),
            listen: (onChange) => void (listeners[index] = onChange),
          },
        },
      });
    const [first, second] = [tab(0), tab(1)];
    await Promise.all([first.getState().loadPackages(), second.getState().loadPackages()]);
    const listed = (store: typeof first) =>
      store.getState().packages.stored.map(({ name, version }) => `${name}@${version}`);

    await first
      .getState()
      .addPackageFiles([
        { name: 'a.tgz', bytes: packTarball({ 'package.json': manifest('a', '1.0.0') }) },
      ]);
    await vi.waitFor(() => expect(listed(second)).toEqual(['a@1.0.0']));
    const tree = second.getState().packageTreeFor(declared({ a: '*' }));
    expect(tree.kind === 'pending' && (await tree.tree).files.map(({ path }) => path)).toEqual([
      'node_modules/a/package.json',
    ]);

    await first.getState().removePackages(['a@1.0.0']);
    await vi.waitFor(() => expect(listed(second)).toEqual([]));
    expect(second.getState().packageTreeFor(declared({ a: '*' }))).toEqual({ kind: 'none' });
  });
});
