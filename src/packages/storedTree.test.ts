import { describe, expect, it } from 'vitest';
import type { PackageRecord } from './packageRecord';
import { summaryOf } from './packageSummary';
import { packageTreeOf, storedPackuments, storedTree } from './storedTree';
import { planInstall } from './planInstall';

const INTEGRITY = `sha512-${'A'.repeat(86)}==`;

function stored(
  name: string,
  version: string,
  dependencies: Record<string, string> = {},
): PackageRecord {
  const files = {
    'package.json': JSON.stringify({ name, version, dependencies }),
    'index.js': `module.exports = '${name}@${version}';`,
  };
  return {
    name,
    version,
    integrity: INTEGRITY,
    source: 'registry',
    size: 0,
    files,
    skippedFiles: 0,
  };
}

const paths = (tree: { files: { path: string }[] }) =>
  tree.files.map((file) => file.path).filter((path) => path.endsWith('index.js'));

describe('the tree a run gets from the stored packages', () => {
  it('lays the stored dependencies out as npm would, hoisted where they agree', async () => {
    const records = [stored('a', '1.0.0', { b: '^2.0.0' }), stored('b', '2.1.0')];
    const tree = await storedTree([{ name: 'a', range: '1.0.0' }], records);
    expect(paths(tree)).toEqual(['node_modules/a/index.js', 'node_modules/b/index.js']);
    expect(tree.files).toContainEqual({
      path: 'node_modules/b/index.js',
      text: "module.exports = 'b@2.1.0';",
    });
  });

  it('nests a version that conflicts with the one at the top', async () => {
    const records = [
      stored('a', '1.0.0', { b: '^2.0.0' }),
      stored('b', '1.4.0'),
      stored('b', '2.0.0'),
    ];
    const tree = await storedTree(
      [
        { name: 'a', range: '^1.0.0' },
        { name: 'b', range: '^1.0.0' },
      ],
      records,
    );
    expect(paths(tree)).toEqual([
      'node_modules/a/index.js',
      'node_modules/a/node_modules/b/index.js',
      'node_modules/b/index.js',
    ]);
  });

  it('takes the highest stored version a range allows, or the pinned one', async () => {
    const records = [stored('lodash', '4.17.20'), stored('lodash', '4.17.21')];
    const latest = await storedTree([{ name: 'lodash', range: 'latest' }], records);
    expect(latest.files).toContainEqual({
      path: 'node_modules/lodash/index.js',
      text: "module.exports = 'lodash@4.17.21';",
    });
    const pinned = await storedTree([{ name: 'lodash', range: '4.17.20' }], records);
    expect(pinned.files).toContainEqual({
      path: 'node_modules/lodash/index.js',
      text: "module.exports = 'lodash@4.17.20';",
    });
  });

  it('a dependency nothing stored satisfies fails with the chain that needed it', async () => {
    const records = [stored('jws', '3.2.3', { jwa: '^1.4.1' })];
    await expect(storedTree([{ name: 'jws', range: '^3' }], records)).rejects.toThrow(
      /jws@3\.2\.3 > jwa@\^1\.4\.1: jwa is not among the stored packages/,
    );
    await expect(storedTree([{ name: 'jws', range: '^4' }], records)).rejects.toThrow(/jws/);
  });

  it('a planned package missing from the records is an error, not a partial tree', async () => {
    const records = [stored('a', '1.0.0', { b: '1.0.0' }), stored('b', '1.0.0')];
    const plan = await planInstall(
      [{ name: 'a', range: '1.0.0' }],
      storedPackuments(records.map(summaryOf)),
    );
    expect(() => packageTreeOf(plan, records.slice(0, 1))).toThrow(
      'b@1.0.0 is planned but not stored.',
    );
  });
});
