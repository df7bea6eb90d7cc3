import { describe, expect, it } from 'vitest';
import { fetchPlannedPackages } from './fetchPlannedPackages';
import { computeIntegrity } from './integrity';
import { packageRecordSchema } from './packageRecord';
import { planInstall } from './planInstall';
import { createRegistryClient } from './registryClient';
import { fakeRegistry, TEST_REGISTRY, type FakeVersion } from './registryFixtures.testSupport';
import { manifest, packTarball } from './tarballs.testSupport';

const tree: FakeVersion[] = [
  { name: 'app', version: '1.0.0', dependencies: { lodash: '^4', helper: '1' } },
  { name: 'helper', version: '1.0.0', dependencies: { lodash: '^3' } },
  { name: 'other', version: '1.0.0', dependencies: { lodash: '^3' } },
  { name: 'lodash', version: '3.10.1' },
  {
    name: 'lodash',
    version: '4.17.21',
    files: { 'lodash.js': 'module.exports = {};', 'README.md': '# lodash' },
  },
];

async function setUp() {
  const registry = await fakeRegistry(tree);
  const client = createRegistryClient({ registry: TEST_REGISTRY, fetch: registry.fetch });
  const plan = await planInstall(
    [
      { name: 'app', range: '1' },
      { name: 'other', range: '1' },
    ],
    client.getPackument,
  );
  return { registry, client, plan };
}

describe('fetchPlannedPackages', () => {
  it('downloads each name@version of the tree once, verified, as package records', async () => {
    const { registry, client, plan } = await setUp();
    expect(plan.packages.map((entry) => entry.path)).toEqual([
      'node_modules/app',
      'node_modules/helper',
      'node_modules/helper/node_modules/lodash',
      'node_modules/lodash',
      'node_modules/other',
      'node_modules/other/node_modules/lodash',
    ]);
    const records = await fetchPlannedPackages(plan, client.getTarball);
    expect(records.map((record) => `${record.name}@${record.version}`)).toEqual([
      'app@1.0.0',
      'helper@1.0.0',
      'lodash@3.10.1',
      'lodash@4.17.21',
      'other@1.0.0',
    ]);
    const tarballRequests = registry.requests.filter((request) => request.url.endsWith('.tgz'));
    expect(tarballRequests).toHaveLength(5);
    const lodash = records.find((record) => record.version === '4.17.21')!;
    expect(packageRecordSchema.parse(lodash)).toEqual(lodash);
    expect(lodash.source).toBe('registry');
    expect(lodash.files['lodash.js']).toBe('module.exports = {};');
    expect(lodash.integrity).toBe(
      await computeIntegrity(registry.tarballs.get(`${TEST_REGISTRY}lodash/-/lodash-4.17.21.tgz`)!),
    );
  });

  it('returns nothing when one tarball fails its integrity check', async () => {
    const { registry, client, plan } = await setUp();
    registry.tarballs.set(
      `${TEST_REGISTRY}lodash/-/lodash-3.10.1.tgz`,
      packTarball({ 'package.json': manifest('lodash', '3.10.1'), 'index.js': 'stealCookies()' }),
    );
    await expect(fetchPlannedPackages(plan, client.getTarball)).rejects.toThrow(
      /^Integrity check failed for lodash@3\.10\.1: expected sha512-.+, got sha512-.+\. The download was discarded\.$/,
    );
  });

  it('refuses a tarball that holds another package than the registry promised', async () => {
    const { registry, client, plan } = await setUp();
    const swapped = packTarball({ 'package.json': manifest('evil', '6.6.6') });
    registry.tarballs.set(`${TEST_REGISTRY}other/-/other-1.0.0.tgz`, swapped);
    const entry = plan.packages.find((planned) => planned.name === 'other')!;
    entry.integrity = await computeIntegrity(swapped);
    await expect(fetchPlannedPackages(plan, client.getTarball)).rejects.toThrow(
      'The tarball of other@1.0.0 holds evil@6.6.6 instead.',
    );
  });
});
