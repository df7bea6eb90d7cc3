// @vitest-environment node
import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { z } from '../core/schemaKit';
import { describe, expect, it } from 'vitest';
import {
  createPackageRepository,
  PACKAGES_STORE,
  PackageStoreError,
  packageIdOf,
} from './createPackageRepository';
import { createStoreSeam, quotaError, uniqueName } from './storageFakes.testSupport';

/** A package as the tests store it: the repository only needs name, version and size. */
const testPackageSchema = z.object({
  name: z.string(),
  version: z.string(),
  size: z.number(),
  source: z.enum(['registry', 'file']),
  files: z.record(z.string(), z.string()),
});
type TestPackage = z.infer<typeof testPackageSchema>;
const summarySchema = z.omit(testPackageSchema, { files: true });

function pkg(name: string, version: string, code = 'module.exports = 1;'): TestPackage {
  return {
    name,
    version,
    size: code.length,
    source: 'registry',
    files: { 'package.json': JSON.stringify({ name, version }), 'index.js': code },
  };
}

function repository(store = createStore(uniqueName('packages'), PACKAGES_STORE)) {
  return createPackageRepository({
    packageSchema: testPackageSchema,
    summarySchema,
    summaryOf: ({ files: _files, ...summary }) => summary,
    store,
  });
}

describe('the package repository', () => {
  it('stores packages by name@version, lists their summaries sorted, and gives them back whole', async () => {
    const repo = repository();
    await repo.put([pkg('lodash', '4.17.21'), pkg('@scope/tool', '1.0.0')]);
    await repo.put([pkg('lodash', '4.17.20')]);

    const { packages, unreadable } = await repo.list();
    expect(packages.map(packageIdOf)).toEqual([
      '@scope/tool@1.0.0',
      'lodash@4.17.20',
      'lodash@4.17.21',
    ]);
    expect(packages[0]).not.toHaveProperty('files');
    expect(unreadable).toEqual([]);

    const [lodash, missing] = await repo.get(['lodash@4.17.21', 'ms@2.1.3']);
    expect(lodash).toEqual(pkg('lodash', '4.17.21'));
    expect(missing).toBeUndefined();
  });

  it('removes a package with its summary, and nothing else', async () => {
    const repo = repository();
    await repo.put([pkg('a', '1.0.0'), pkg('b', '1.0.0')]);
    await repo.remove(['a@1.0.0']);
    expect((await repo.list()).packages.map(packageIdOf)).toEqual(['b@1.0.0']);
    expect(await repo.get(['a@1.0.0'])).toEqual([undefined]);
  });

  it('a full storage refuses the whole batch with a message naming it, and stores none of it', async () => {
    const seam = createStoreSeam();
    const dbName = uniqueName('quota');
    const repo = repository(seam.open(dbName, PACKAGES_STORE));
    await repo.put([pkg('kept', '1.0.0')]);
    seam.failWith = quotaError();

    const failure = await repo
      .put([pkg('jsonwebtoken', '9.0.2', 'x'.repeat(4096)), pkg('jws', '3.2.3')])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PackageStoreError);
    expect((failure as PackageStoreError).kind).toBe('quota');
    expect((failure as Error).message).toMatch(
      /storage is full: 2 packages \(4 KiB\) was not stored/,
    );
    expect((failure as Error).message).toMatch(/hooks are not affected/);

    seam.failWith = null;
    expect((await repo.list()).packages.map(packageIdOf)).toEqual(['kept@1.0.0']);
  });

  it('a storage that fails otherwise names the package and the reason', async () => {
    const seam = createStoreSeam();
    const repo = repository(seam.open(uniqueName('broken'), PACKAGES_STORE));
    seam.failWith = new DOMException('The database connection is closing.', 'InvalidStateError');
    const failure = (await repo
      .put([pkg('ms', '2.1.3')])
      .catch((e: unknown) => e)) as PackageStoreError;
    expect(failure.kind).toBe('unavailable');
    expect(failure.message).toMatch(/ms@2\.1\.3 \(1 KiB\) was not stored/);
    expect(failure.message).toMatch(/database connection is closing/);
  });

  it('a damaged record is listed as unreadable and never returned as a package', async () => {
    const store = createStore(uniqueName('damaged'), PACKAGES_STORE);
    const repo = repository(store);
    await repo.put([pkg('good', '1.0.0')]);
    await set('summary:bad@1.0.0', { name: 'bad' }, store);
    await set('package:bad@1.0.0', { name: 'bad', files: 'not files' }, store);

    const { packages, unreadable } = await repo.list();
    expect(packages.map(packageIdOf)).toEqual(['good@1.0.0']);
    expect(unreadable).toEqual(['bad@1.0.0']);
    expect(await repo.get(['bad@1.0.0'])).toEqual([undefined]);
    await repo.remove(unreadable);
    expect((await repo.list()).unreadable).toEqual([]);
  });
});
