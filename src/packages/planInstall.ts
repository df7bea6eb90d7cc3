import { overLimitText } from '../core/inputLimits';
import { satisfies, validRange } from 'semver';
import { z } from '../core/schemaKit';
import { PackageError, messageOf } from './packageError';
import { MAX_PLANNED_PACKAGES } from './packageLimits';
import { packageId, packageNameSchema } from './packageName';
import { dependencyMapSchema, type PackageVersion, type Packument } from './packumentSchema';
import { resolveVersion } from './resolveVersion';

export interface InstallRoot {
  name: string;
  /** A version, a range or a dist-tag; '' or `*` means `latest`. */
  range: string;
}

export const plannedPackageSchema = z.object({
  /** Where the package goes: `node_modules/a`, or `node_modules/a/node_modules/b` when nested. */
  path: z.string(),
  name: packageNameSchema,
  version: z.string(),
  tarball: z.url(),
  /** The registry's SRI `integrity`, else its hex `shasum`: what the download is checked against. */
  integrity: z.string(),
  dependencies: dependencyMapSchema,
  /** The chain that first needed it, from a root: `["a@1.0.0", "b@2.0.0"]` (empty for a root). */
  requiredBy: z.array(z.string()),
});
export type PlannedPackage = z.infer<typeof plannedPackageSchema>;

export const installPlanSchema = z.object({
  roots: z.array(z.object({ name: packageNameSchema, range: z.string(), version: z.string() })),
  /** Every package of the tree once per place, sorted by path. */
  packages: z.array(plannedPackageSchema),
});
export type InstallPlan = z.infer<typeof installPlanSchema>;

interface PlacedPackage {
  path: string;
  /** The folder whose node_modules holds it: '' for the top. */
  parent: string;
  manifest: PackageVersion;
  integrity: string;
  requiredBy: string[];
}

/** Dependencies given as git URLs, tarball URLs, local paths or aliases need more than a registry. */
function isRegistrySpec(spec: string): boolean {
  return !/^[a-z+]+:|\//i.test(spec.trim());
}

function chainText(chain: readonly string[], last: string): string {
  return [...chain, last].join(' > ');
}

/**
 * The whole dependency tree of `roots`, resolved against the registry's metadata and laid out
 * as npm lays out node_modules: a package goes to the top unless a package of the same name is
 * already visible there; when that one satisfies the range it is reused (deduplicated),
 * otherwise the new version is nested under the package that needs it. Packages are visited
 * breadth first with dependencies in name order, so the plan does not depend on timing, and
 * a package's folder is only filled while it is visited, so a nested copy never shadows a
 * version some already-visited package resolved. Cycles end at the first copy that satisfies.
 *
 * Errors name the dependency chain that needed the failing package.
 */
export async function planInstall(
  roots: readonly InstallRoot[],
  getPackument: (name: string) => Promise<Packument>,
): Promise<InstallPlan> {
  const packuments = new Map<string, Promise<Packument>>();
  const fetchPackument = (name: string): Promise<Packument> => {
    let pending = packuments.get(name);
    if (pending === undefined) {
      pending = getPackument(name);
      // Fetched ahead of their turn: a failure is reported when its turn comes, not as unhandled.
      pending.catch(() => undefined);
      packuments.set(name, pending);
    }
    return pending;
  };
  const placed = new Map<string, PlacedPackage>();
  const queue: PlacedPackage[] = [];

  const resolve = async (name: string, range: string, chain: string[]): Promise<PackageVersion> => {
    const wanted = `${name}@${range || '*'}`;
    if (!packageNameSchema.safeParse(name).success) {
      throw new PackageError(
        `${chainText(chain, JSON.stringify(name))}: not a valid npm package name.`,
      );
    }
    if (!isRegistrySpec(range)) {
      throw new PackageError(
        `${chainText(chain, wanted)}: Hookpad installs from the registry only (versions, ranges and tags), not "${range}".`,
      );
    }
    try {
      return resolveVersion(await fetchPackument(name), range);
    } catch (error) {
      throw new PackageError(`${chainText(chain, wanted)}: ${messageOf(error)}.`);
    }
  };

  const place = (path: string, parent: string, manifest: PackageVersion, chain: string[]): void => {
    const integrity = manifest.dist.integrity ?? manifest.dist.shasum;
    const id = packageId(manifest.name, manifest.version);
    if (integrity === undefined) {
      throw new PackageError(
        `${chainText(chain, id)}: the registry gives no integrity or shasum to verify it with.`,
      );
    }
    if (placed.size >= MAX_PLANNED_PACKAGES) {
      throw new PackageError(
        `${chainText(chain, id)}: the dependency tree is too large. ${overLimitText('Packages', MAX_PLANNED_PACKAGES)}`,
      );
    }
    const entry = { path, parent, manifest, integrity, requiredBy: chain };
    placed.set(path, entry);
    queue.push(entry);
  };

  /** What Node's resolution would find for `name` from inside the folder `from`. */
  const visible = (from: string, name: string): PlacedPackage | undefined => {
    let folder: string | undefined = from;
    while (folder !== undefined) {
      const found = placed.get(
        folder === '' ? `node_modules/${name}` : `${folder}/node_modules/${name}`,
      );
      if (found !== undefined) return found;
      folder = folder === '' ? undefined : placed.get(folder)?.parent;
    }
    return undefined;
  };

  const fits = (found: PlacedPackage, range: string, resolved: PackageVersion): boolean =>
    found.manifest.version === resolved.version ||
    (validRange(range) !== null && satisfies(found.manifest.version, range));

  const resolvedRoots: InstallPlan['roots'] = [];
  for (const { name } of roots) void fetchPackument(name);
  for (const root of roots) {
    const manifest = await resolve(root.name, root.range, []);
    const path = `node_modules/${root.name}`;
    const existing = placed.get(path);
    if (existing === undefined) {
      place(path, '', manifest, []);
    } else if (!fits(existing, root.range, manifest)) {
      throw new PackageError(
        `${root.name} is asked for twice with versions that do not agree: ${existing.manifest.version} and "${root.range}".`,
      );
    }
    resolvedRoots.push({
      name: root.name,
      range: root.range,
      version: (existing ?? placed.get(path)!).manifest.version,
    });
  }

  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const dependent = next;
    const chain = [
      ...dependent.requiredBy,
      packageId(dependent.manifest.name, dependent.manifest.version),
    ];
    const dependencies = Object.entries(dependent.manifest.dependencies).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    for (const [name] of dependencies) void fetchPackument(name);
    for (const [name, range] of dependencies) {
      const manifest = await resolve(name, range, chain);
      const found = visible(dependent.path, name);
      if (found !== undefined && fits(found, range, manifest)) continue;
      if (found === undefined) {
        place(`node_modules/${name}`, '', manifest, chain);
        continue;
      }
      const id = packageId(name, manifest.version);
      if (chain.includes(id)) {
        throw new PackageError(
          `${chainText(chain, id)}: a dependency cycle with conflicting versions of ${name}; npm would nest it without end.`,
        );
      }
      place(`${dependent.path}/node_modules/${name}`, dependent.path, manifest, chain);
    }
  }

  const packages = [...placed.values()]
    .map(({ path, manifest, integrity, requiredBy }) => ({
      path,
      name: manifest.name,
      version: manifest.version,
      tarball: manifest.dist.tarball,
      integrity,
      dependencies: manifest.dependencies,
      requiredBy,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { roots: resolvedRoots, packages };
}
