import type { PackageFile, PackageTree } from '../core/commonjs/packageTree';
import { rcompare } from 'semver';
import { PackageError } from './packageError';
import { packageId } from './packageName';
import type { PackageRecord } from './packageRecord';
import { summaryOf, type PackageSummary } from './packageSummary';
import { planInstall, type InstallPlan, type InstallRoot } from './planInstall';
import type { Packument } from './packumentSchema';

/** What planning needs of a stored package: no files. */
export type StoredManifest = Pick<
  PackageSummary,
  'name' | 'version' | 'integrity' | 'dependencies'
>;

/** Stored packages are not downloaded again: their plan entries point nowhere. */
const STORED = 'https://store.hookpad.invalid/';

/**
 * The store seen as a registry that holds only what was stored: per name, the stored versions
 * with the dependencies their own package.json declares, and `latest` the highest of them.
 * Planning over it needs no network, so a run lays out its tree offline.
 */
export function storedPackuments(
  manifests: readonly StoredManifest[],
): (name: string) => Promise<Packument> {
  const byName = new Map<string, StoredManifest[]>();
  for (const manifest of manifests)
    byName.set(manifest.name, [...(byName.get(manifest.name) ?? []), manifest]);
  return (name) => {
    const stored = byName.get(name);
    if (!stored) {
      return Promise.reject(new PackageError(`${name} is not among the stored packages.`));
    }
    const versions: Packument['versions'] = {};
    for (const manifest of stored) {
      versions[manifest.version] = {
        name,
        version: manifest.version,
        dependencies: manifest.dependencies,
        dist: {
          tarball: `${STORED}${encodeURIComponent(packageId(name, manifest.version))}`,
          integrity: manifest.integrity,
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
  const plan = await planInstall(roots, storedPackuments(records.map(summaryOf)));
  return packageTreeOf(plan, records);
}
