import { fetchPlannedPackages } from '../packages/fetchPlannedPackages';
import { packageId } from '../packages/packageName';
import type { PackageRecord } from '../packages/packageRecord';
import { planInstall, type InstallRoot } from '../packages/planInstall';
import { createRegistryClient, type FetchFunction } from '../packages/registryClient';

// The package work that needs semver, the tarball reader and the zip reader: loaded on the
// first use of a stored package, so none of it weighs on the app's start.
export { readPackageFiles } from '../packages/readPackageFiles';
export { matchStoredDependencies, storedRoots } from '../packages/storedRoots';
export { createPackageTrees } from './packageTrees';
export { runDependencies } from './runDependencies';

/**
 * The packages of `roots`' whole trees that are not stored yet, resolved against the registry,
 * downloaded and verified: all of them, or a PackageError.
 */
export async function downloadTrees(
  roots: readonly InstallRoot[],
  registry: string,
  fetch: FetchFunction,
  storedIds: ReadonlySet<string>,
): Promise<PackageRecord[]> {
  const client = createRegistryClient({ registry, fetch });
  const plan = await planInstall(roots, client.getPackument);
  const missing = plan.packages.filter(
    ({ name, version }) => !storedIds.has(packageId(name, version)),
  );
  return fetchPlannedPackages({ ...plan, packages: missing }, client.getTarball);
}
