import { computeIntegrity, verifyIntegrity } from './integrity';
import { PackageError } from './packageError';
import { packageId } from './packageName';
import type { PackageRecord } from './packageRecord';
import type { InstallPlan, PlannedPackage } from './planInstall';
import { readPackageTarball } from './readPackageTarball';

/** Downloads in flight at once. */
const PARALLEL_DOWNLOADS = 6;

/**
 * Downloads every package of a plan once (a `name@version` nested in several places is one
 * download), verifies each tarball against the registry's integrity before reading it, and
 * returns the packages to store. All or nothing: the first failure (a download, an integrity
 * mismatch, a tarball that does not hold the package the registry promised) throws, so a
 * partly verified tree is never stored.
 */
export async function fetchPlannedPackages(
  plan: InstallPlan,
  getTarball: (url: string) => Promise<Uint8Array>,
): Promise<PackageRecord[]> {
  const unique = new Map<string, PlannedPackage>();
  for (const planned of plan.packages) {
    const id = packageId(planned.name, planned.version);
    if (!unique.has(id)) unique.set(id, planned);
  }
  const fetchOne = async ([id, planned]: [string, PlannedPackage]): Promise<PackageRecord> => {
    const bytes = await getTarball(planned.tarball);
    await verifyIntegrity(bytes, planned.integrity, id);
    const read = await readPackageTarball(bytes, `The tarball of ${id}`);
    if (read.packageJson.name !== planned.name || read.packageJson.version !== planned.version) {
      throw new PackageError(
        `The tarball of ${id} holds ${packageId(read.packageJson.name, read.packageJson.version)} instead.`,
      );
    }
    const { files, size, skippedFiles } = read;
    return {
      name: planned.name,
      version: planned.version,
      integrity: await computeIntegrity(bytes),
      source: 'registry',
      size,
      files,
      skippedFiles,
    };
  };
  const work = [...unique];
  const records: PackageRecord[] = new Array<PackageRecord>(work.length);
  let next = 0;
  let failed = false;
  // A few downloads at a time: a tree of dozens of packages is latency-bound, one by one.
  const worker = async (): Promise<void> => {
    while (!failed && next < work.length) {
      const at = next;
      next += 1;
      try {
        records[at] = await fetchOne(work[at]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, work.length) }, worker));
  return records;
}
