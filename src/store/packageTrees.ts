import type { PackageTree } from '../core/commonjs/packageTree';
import { PackageError, messageOf } from '../packages/packageError';
import { packageId } from '../packages/packageName';
import type { PackageRecord } from '../packages/packageRecord';
import type { PackageSummary } from '../packages/packageSummary';
import { planInstall, type InstallRoot } from '../packages/planInstall';
import { packageTreeOf, storedPackuments } from '../packages/storedTree';

/** A run's package tree: none needed, ready in memory, or being read from storage once. */
export type TreeForRun =
  | { kind: 'none' }
  | { kind: 'ready'; tree: PackageTree }
  | { kind: 'pending'; tree: Promise<PackageTree> };

/** Trees kept in memory: one per set of dependencies the recent runs had. */
const KEPT_TREES = 8;

/**
 * The package trees runs get, laid out offline from the stored packages and kept in memory, so
 * a run reads storage only for the first run of a set of dependencies since the store last
 * changed (docs/runtime-semantics.md §10.1).
 */
export function createPackageTrees(
  getRecords: (ids: readonly string[]) => Promise<(PackageRecord | undefined)[]>,
) {
  const kept = new Map<string, { promise: Promise<PackageTree>; tree?: PackageTree }>();

  const build = async (
    roots: readonly InstallRoot[],
    summaries: readonly PackageSummary[],
  ): Promise<PackageTree> => {
    const plan = await planInstall(roots, storedPackuments(summaries));
    const ids = [...new Set(plan.packages.map(({ name, version }) => packageId(name, version)))];
    const records = await getRecords(ids);
    const unreadable = ids.filter((_, index) => records[index] === undefined);
    if (unreadable.length > 0) {
      throw new PackageError(
        `The stored files of ${unreadable.join(', ')} no longer read: remove ${unreadable.length === 1 ? 'it' : 'them'} in Dependencies and add ${unreadable.length === 1 ? 'it' : 'them'} again.`,
      );
    }
    return packageTreeOf(
      plan,
      records.filter((record): record is PackageRecord => record !== undefined),
    );
  };

  return {
    treeFor(
      roots: readonly InstallRoot[],
      summaries: readonly PackageSummary[],
      revision: number,
    ): TreeForRun {
      if (roots.length === 0) return { kind: 'none' };
      const key = `${revision}:${JSON.stringify(roots)}`;
      const entry = kept.get(key);
      if (entry) {
        // Most recently used last, so the oldest is the one dropped.
        kept.delete(key);
        kept.set(key, entry);
        return entry.tree
          ? { kind: 'ready', tree: entry.tree }
          : { kind: 'pending', tree: entry.promise };
      }
      const created: { promise: Promise<PackageTree>; tree?: PackageTree } = {
        promise: build(roots, summaries).then(
          (tree) => (created.tree = tree),
          (error: unknown) => {
            // A failed layout is not kept: the next run tries again (after a fix, a new fetch).
            kept.delete(key);
            throw error instanceof PackageError ? error : new PackageError(messageOf(error));
          },
        ),
      };
      kept.set(key, created);
      while (kept.size > KEPT_TREES) kept.delete(kept.keys().next().value!);
      return { kind: 'pending', tree: created.promise };
    },
    clear() {
      kept.clear();
    },
  };
}

export type PackageTrees = ReturnType<typeof createPackageTrees>;
