import type { PackageFile, PackageTree } from '../core/commonjs/packageTree';
import { rcompare } from 'semver';
import { PackageError } from './packageError';
import { packageId } from './packageName';
import type { PackageRecord } from './packageRecord';
import { planInstall, type InstallPlan, type InstallRoot } from './planInstall';
import { dependencyMapSchema, type Packument } from './packumentSchema';

/** Stored packages are not downloaded again: their plan entries point nowhere. */
const STORED = 'https://store.hookpad.invalid/';

/**
 * The store seen as a registry that holds only what was stored: per name, the stored versions
 * with the dependencies their own package.json declares, and `latest` the highest of them.
 * Planning over it needs no network, so a run lays out its tree offline.
 */
export function storedPackuments(
  records: readonly PackageRecord[],
): (name: string) => Promise<Packument> {
  const byName = new Map<string, PackageRecord[]>();
  for (const record of records)
    byName.set(record.name, [...(byName.get(record.name) ?? []), record]);
  return (name) => {
    const stored = byName.get(name);
    if (!stored) {
      return Promise.reject(new PackageError(`${name} is not among the stored packages.`));
    }
    const versions: Packument['versions'] = {};
    for (const record of stored) {
      const manifest = JSON.parse(record.files['package.json'] ?? '{}') as {
        dependencies?: unknown;
      };
      const dependencies = dependencyMapSchema.safeParse(manifest.dependencies ?? {});
      versions[record.version] = {
        name,
        version: record.version,
        dependencies: dependencies.success ? dependencies.data : {},
        dist: {
          tarball: `${STORED}${encodeURIComponent(packageId(name, record.version))}`,
          integrity: record.integrity,
        },
      };
    }
    const latest = Object.keys(versions).sort(rcompare)[0]!;
    return Promise.resolve({ name, distTags: { latest }, versions, unusable: {} });
  };
}

/** Each planned package's stored files, at the place the plan gives it in node_modules. */
export function packageTreeOf(plan: InstallPlan, records: readonly PackageRecord[]): PackageTree {
  const byId = new Map(records.map((record) => [packageId(record.name, record.version), record]));
  const files: PackageFile[] = [];
  for (const planned of plan.packages) {
    const id = packageId(planned.name, planned.version);
    const record = byId.get(id);
    if (!record) throw new PackageError(`${id} is planned but not stored.`);
    for (const [path, text] of Object.entries(record.files)) {
      files.push({ path: `${planned.path}/${path}`, text });
    }
  }
  return { files };
}

/**
 * The tree a run gets for the hook's dependencies, from the stored packages alone: planned as
 * npm would lay them out, offline. A dependency nothing stored satisfies fails with the chain
 * that needed it.
 */
export async function storedTree(
  roots: readonly InstallRoot[],
  records: readonly PackageRecord[],
): Promise<PackageTree> {
  return packageTreeOf(await planInstall(roots, storedPackuments(records)), records);
}
