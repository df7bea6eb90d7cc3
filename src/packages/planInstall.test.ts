import { describe, expect, it } from 'vitest';
import { MAX_PLANNED_PACKAGES } from './packageLimits';
import { planInstall, type InstallPlan } from './planInstall';
import { fakePackuments, tarballUrl, type FakeVersion } from './registryFixtures.testSupport';

const layout = (plan: InstallPlan) =>
  plan.packages.map((entry) => `${entry.path} ${entry.version}`);

describe('planInstall', () => {
  it('plans one package with its tarball and integrity', async () => {
    const { getPackument } = fakePackuments([
      { name: 'lodash', version: '4.17.20' },
      { name: 'lodash', version: '4.17.21' },
    ]);
    const plan = await planInstall([{ name: 'lodash', range: '^4.17.0' }], getPackument);
    expect(plan.roots).toEqual([{ name: 'lodash', range: '^4.17.0', version: '4.17.21' }]);
    expect(plan.packages).toEqual([
      {
        path: 'node_modules/lodash',
        name: 'lodash',
        version: '4.17.21',
        tarball: tarballUrl('lodash', '4.17.21'),
        integrity: 'sha512-unverified',
        dependencies: {},
        requiredBy: [],
      },
    ]);
  });

  it('hoists a shared dependency once when the versions agree', async () => {
    const { getPackument, asked } = fakePackuments([
      { name: 'app-a', version: '1.0.0', dependencies: { shared: '^1.0.0' } },
      { name: 'app-b', version: '1.0.0', dependencies: { shared: '~1.2.0' } },
      { name: 'shared', version: '1.2.3' },
    ]);
    const plan = await planInstall(
      [
        { name: 'app-a', range: '*' },
        { name: 'app-b', range: '1' },
      ],
      getPackument,
    );
    expect(layout(plan)).toEqual([
      'node_modules/app-a 1.0.0',
      'node_modules/app-b 1.0.0',
      'node_modules/shared 1.2.3',
    ]);
    expect(plan.packages[2]!.requiredBy).toEqual(['app-a@1.0.0']);
    expect(asked.filter((name) => name === 'shared')).toHaveLength(1);
  });

  it('nests a conflicting version under the package that needs it', async () => {
    const { getPackument } = fakePackuments([
      { name: 'uses-old', version: '1.0.0', dependencies: { lodash: '^3.0.0' } },
      { name: 'uses-new', version: '1.0.0', dependencies: { lodash: '^4.0.0', helper: '1' } },
      { name: 'helper', version: '1.0.0', dependencies: { lodash: '^4.17.0' } },
      { name: 'lodash', version: '3.10.1' },
      { name: 'lodash', version: '4.17.21' },
    ]);
    const plan = await planInstall(
      [
        { name: 'uses-old', range: '1.0.0' },
        { name: 'uses-new', range: '1.0.0' },
      ],
      getPackument,
    );
    // uses-old is visited first, so its lodash 3 takes the top; 4 is nested where needed.
    expect(layout(plan)).toEqual([
      'node_modules/helper 1.0.0',
      'node_modules/helper/node_modules/lodash 4.17.21',
      'node_modules/lodash 3.10.1',
      'node_modules/uses-new 1.0.0',
      'node_modules/uses-new/node_modules/lodash 4.17.21',
      'node_modules/uses-old 1.0.0',
    ]);
    expect(plan.packages[1]!.requiredBy).toEqual(['uses-new@1.0.0', 'helper@1.0.0']);
  });

  it('reuses a nested copy visible from deeper down instead of nesting again', async () => {
    const { getPackument } = fakePackuments([
      { name: 'root', version: '1.0.0', dependencies: { dep: '2', x: '2' } },
      { name: 'dep', version: '1.0.0' },
      { name: 'dep', version: '2.0.0' },
      { name: 'x', version: '1.0.0' },
      { name: 'x', version: '2.0.0', dependencies: { dep: '^2' } },
    ]);
    const plan = await planInstall(
      [
        { name: 'dep', range: '1' },
        { name: 'x', range: '1' },
        { name: 'root', range: '1' },
      ],
      getPackument,
    );
    expect(layout(plan)).toEqual([
      'node_modules/dep 1.0.0',
      'node_modules/root 1.0.0',
      'node_modules/root/node_modules/dep 2.0.0',
      'node_modules/root/node_modules/x 2.0.0',
      'node_modules/x 1.0.0',
    ]);
  });

  it('ends a dependency cycle at the copy already planned', async () => {
    const { getPackument } = fakePackuments([
      { name: 'a', version: '1.0.0', dependencies: { b: '^1' } },
      { name: 'b', version: '1.0.0', dependencies: { c: '^1' } },
      { name: 'c', version: '1.0.0', dependencies: { a: '^1' } },
    ]);
    const plan = await planInstall([{ name: 'a', range: '' }], getPackument);
    expect(layout(plan)).toEqual([
      'node_modules/a 1.0.0',
      'node_modules/b 1.0.0',
      'node_modules/c 1.0.0',
    ]);
  });

  it('refuses a cycle whose conflicting versions would nest without end', async () => {
    const { getPackument } = fakePackuments([
      { name: 'a', version: '1.0.0', dependencies: { b: '^1' } },
      { name: 'a', version: '2.0.0', dependencies: { b: '^2' } },
      { name: 'b', version: '1.0.0', dependencies: { a: '^2' } },
      { name: 'b', version: '2.0.0', dependencies: { a: '^1' } },
    ]);
    await expect(planInstall([{ name: 'a', range: '1' }], getPackument)).rejects.toThrow(
      'a@1.0.0 > b@1.0.0 > a@2.0.0 > b@2.0.0 > a@1.0.0: a dependency cycle with conflicting versions of a',
    );
  });

  it('lays out scoped packages under their scope folder', async () => {
    const { getPackument } = fakePackuments([
      {
        name: '@acme/sdk',
        version: '2.0.0',
        dependencies: { '@acme/core': '^2', '@other/core': '1' },
      },
      { name: '@acme/core', version: '2.1.0' },
      { name: '@other/core', version: '1.0.0' },
    ]);
    const plan = await planInstall([{ name: '@acme/sdk', range: 'latest' }], getPackument);
    expect(layout(plan)).toEqual([
      'node_modules/@acme/core 2.1.0',
      'node_modules/@acme/sdk 2.0.0',
      'node_modules/@other/core 1.0.0',
    ]);
    expect(plan.packages[0]!.tarball).toBe('https://registry.example/@acme/core/-/core-2.1.0.tgz');
  });

  it('names the dependency chain that needed a missing package or an unsatisfiable range', async () => {
    const { getPackument } = fakePackuments([
      { name: 'app', version: '1.0.0', dependencies: { mid: '1' } },
      { name: 'mid', version: '1.0.0', dependencies: { ghost: '^1', zz: '^9' } },
      { name: 'zz', version: '1.0.0' },
    ]);
    await expect(planInstall([{ name: 'app', range: '1' }], getPackument)).rejects.toThrow(
      'app@1.0.0 > mid@1.0.0 > ghost@^1: The registry has no package ghost (404).',
    );
    const noGhost = fakePackuments([
      { name: 'app', version: '1.0.0', dependencies: { zz: '^9' } },
      { name: 'zz', version: '1.0.0' },
    ]);
    await expect(planInstall([{ name: 'app', range: '1' }], noGhost.getPackument)).rejects.toThrow(
      'app@1.0.0 > zz@^9: No version of zz satisfies "^9". Nearest published versions: 1.0.0.',
    );
  });

  it('reports a failed metadata fetch of a root by its name', async () => {
    await expect(
      planInstall([{ name: 'lodash', range: '4' }], () =>
        Promise.reject(new TypeError('Failed to fetch')),
      ),
    ).rejects.toThrow('lodash@4: Failed to fetch.');
  });

  it('refuses dependencies that are not registry versions, and invalid names', async () => {
    const { getPackument } = fakePackuments([
      {
        name: 'app',
        version: '1.0.0',
        dependencies: { tool: 'git+https://github.com/x/tool.git' },
      },
    ]);
    await expect(planInstall([{ name: 'app', range: '1' }], getPackument)).rejects.toThrow(
      'app@1.0.0 > tool@git+https://github.com/x/tool.git: Hookpad installs from the registry only',
    );
    await expect(planInstall([{ name: '../../etc', range: '1' }], getPackument)).rejects.toThrow(
      '"../../etc": not a valid npm package name.',
    );
  });

  it('refuses two roots of one name whose versions do not agree, and merges those that do', async () => {
    const versions: FakeVersion[] = [
      { name: 'lodash', version: '3.10.1' },
      { name: 'lodash', version: '4.17.21' },
    ];
    const { getPackument } = fakePackuments(versions);
    const agreeing = await planInstall(
      [
        { name: 'lodash', range: '4' },
        { name: 'lodash', range: '4.17.21' },
      ],
      getPackument,
    );
    expect(layout(agreeing)).toEqual(['node_modules/lodash 4.17.21']);
    expect(agreeing.roots.map((root) => root.version)).toEqual(['4.17.21', '4.17.21']);
    await expect(
      planInstall(
        [
          { name: 'lodash', range: '4' },
          { name: 'lodash', range: '3' },
        ],
        getPackument,
      ),
    ).rejects.toThrow(
      'lodash is asked for twice with versions that do not agree: 4.17.21 and "3".',
    );
  });

  it('refuses a tree larger than the limit, naming the chain where it stopped', async () => {
    const leaves = Array.from({ length: MAX_PLANNED_PACKAGES }, (_, i) => ({
      name: `leaf-${i}`,
      version: '1.0.0',
    }));
    const { getPackument } = fakePackuments([
      {
        name: 'huge',
        version: '1.0.0',
        dependencies: Object.fromEntries(leaves.map((leaf) => [leaf.name, '1'])),
      },
      ...leaves,
    ]);
    await expect(planInstall([{ name: 'huge', range: '1' }], getPackument)).rejects.toThrow(
      /^huge@1\.0\.0 > leaf-\d+@1\.0\.0: the dependency tree is too large\. Packages: at most 2,000 \(Hookpad's limit\)\.$/,
    );
  });

  it('gives the same plan whatever order the metadata arrives in', async () => {
    const versions: FakeVersion[] = [
      { name: 'app', version: '1.0.0', dependencies: { b: '1', a: '1', c: '1' } },
      { name: 'a', version: '1.0.0', dependencies: { d: '1' } },
      { name: 'b', version: '1.0.0', dependencies: { d: '2' } },
      { name: 'c', version: '1.0.0', dependencies: { d: '1' } },
      { name: 'd', version: '1.0.0' },
      { name: 'd', version: '2.0.0' },
    ];
    const { getPackument } = fakePackuments(versions);
    const delays: Record<string, number> = { a: 30, b: 1, c: 15, d: 5 };
    const slow = (name: string) =>
      new Promise<Awaited<ReturnType<typeof getPackument>>>((resolve, reject) =>
        setTimeout(() => getPackument(name).then(resolve, reject), delays[name] ?? 0),
      );
    const fast = await planInstall([{ name: 'app', range: '1' }], getPackument);
    expect(await planInstall([{ name: 'app', range: '1' }], slow)).toEqual(fast);
    expect(layout(fast)).toEqual([
      'node_modules/a 1.0.0',
      'node_modules/app 1.0.0',
      'node_modules/b 1.0.0',
      'node_modules/b/node_modules/d 2.0.0',
      'node_modules/c 1.0.0',
      'node_modules/d 1.0.0',
    ]);
  });
});
