import { compare, maxSatisfying, minVersion, satisfies, valid, validRange } from 'semver';
import { PackageError } from './packageError';
import type { PackageVersion, Packument } from './packumentSchema';

/** How many published versions an error lists on each side of the one asked for. */
const NEAREST_ON_EACH_SIDE = 3;

function nearestVersions(published: readonly string[], range: string): string {
  const sorted = [...published].sort(compare);
  const floor = minVersion(range);
  const at =
    floor === null ? sorted.length : sorted.findIndex((version) => compare(version, floor) >= 0);
  const split = at < 0 ? sorted.length : at;
  const near = sorted.slice(
    Math.max(0, split - NEAREST_ON_EACH_SIDE),
    split + NEAREST_ON_EACH_SIDE,
  );
  return near.length === 0 ? 'none' : near.join(', ');
}

/**
 * The version a `rangeOrTag` picks among a package's published versions, as npm picks it:
 * a dist-tag (`latest`, `next`) names one; `*` or '' means `latest`; otherwise the `latest`
 * version when it satisfies the range, else the highest version that does. Throws a
 * PackageError that names the package and, when nothing satisfies, the nearest versions.
 */
export function resolveVersion(packument: Packument, rangeOrTag: string): PackageVersion {
  const { name, distTags, versions, unusable } = packument;
  const wanted = rangeOrTag.trim();
  const latest = Object.hasOwn(distTags, 'latest') ? distTags.latest : undefined;
  const pick = (version: string): PackageVersion => {
    const entry = Object.hasOwn(versions, version) ? versions[version] : undefined;
    if (entry !== undefined) return entry;
    if (Object.hasOwn(unusable, version)) {
      throw new PackageError(`${name}@${version} cannot be installed: ${unusable[version]}.`);
    }
    throw new PackageError(`${name}@${version} is not published (asked for "${wanted}").`);
  };
  const published = Object.keys(versions);

  if (wanted === '' || wanted === '*' || wanted === 'latest') {
    if (latest !== undefined && Object.hasOwn(versions, latest)) return pick(latest);
    const highest = maxSatisfying(published, '*');
    if (highest === null) throw new PackageError(`${name} has no version Hookpad can install.`);
    return pick(highest);
  }
  if (Object.hasOwn(distTags, wanted)) return pick(distTags[wanted]!);
  const exact = valid(wanted);
  if (exact !== null) return pick(exact);
  if (validRange(wanted) === null) {
    const tags = Object.keys(distTags).join(', ') || 'none';
    throw new PackageError(
      `"${wanted}" is neither a version, a range nor a tag of ${name} (its tags: ${tags}).`,
    );
  }
  if (latest !== undefined && Object.hasOwn(versions, latest) && satisfies(latest, wanted)) {
    return pick(latest);
  }
  const best = maxSatisfying(published, wanted);
  if (best === null) {
    throw new PackageError(
      `No version of ${name} satisfies "${wanted}". Nearest published versions: ${nearestVersions(published, wanted)}.`,
    );
  }
  return pick(best);
}
