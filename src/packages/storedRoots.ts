import { maxSatisfying, rcompare, validRange } from 'semver';
import type { InstallRoot } from './planInstall';
import type { StoredManifest } from './storedTree';

/** A dependency of the hook, with the stored version that satisfies it (if one does). */
export interface DependencyMatch {
  name: string;
  /** The hook's version, range or tag (`latest` when its code does not pin one). */
  range: string;
  /** The highest stored version that satisfies `range`; undefined when none is stored. */
  stored: string | undefined;
}

/**
 * The stored version a hook's dependency runs with: `latest`, `*` or '' take the highest
 * stored version (the store holds what the user fetched or added: that is the hook's latest);
 * a version or range the highest stored version satisfying it; another tag none, since only
 * the registry knows what it names.
 */
export function storedVersionFor(range: string, versions: readonly string[]): string | undefined {
  const wanted = range.trim();
  if (wanted === '' || wanted === '*' || wanted === 'latest') {
    return [...versions].sort(rcompare)[0];
  }
  if (validRange(wanted) === null) return undefined;
  return maxSatisfying([...versions], wanted) ?? undefined;
}

/** Each dependency (name → range) with the stored version it would run with. */
export function matchStoredDependencies(
  dependencies: Readonly<Record<string, string>>,
  stored: readonly Pick<StoredManifest, 'name' | 'version'>[],
): DependencyMatch[] {
  const versionsByName = new Map<string, string[]>();
  for (const { name, version } of stored) {
    versionsByName.set(name, [...(versionsByName.get(name) ?? []), version]);
  }
  return Object.entries(dependencies).map(([name, range]) => ({
    name,
    range,
    stored: storedVersionFor(range, versionsByName.get(name) ?? []),
  }));
}

/** The roots of a run's package tree: the dependencies a stored version satisfies, pinned to it. */
export function storedRoots(matches: readonly DependencyMatch[]): InstallRoot[] {
  return matches.flatMap(({ name, stored }) =>
    stored === undefined ? [] : [{ name, range: stored }],
  );
}
