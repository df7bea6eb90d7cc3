import { delMany, getMany, keys, setMany, type UseStore } from 'idb-keyval';
import type { z } from '../core/schemaKit';
import { formatKib } from '../core/formatKib';
import { isQuotaExceeded } from './isQuotaExceeded';
import { openIndexedDbStore } from './openIndexedDbStore';

/**
 * Stored npm packages live in a database of their own: a package can weigh megabytes, and a
 * full disk while storing one must not touch the workspace's hooks.
 */
export const PACKAGES_DB = 'hookpad-packages';
export const PACKAGES_STORE = 'packages';

/** What a stored package must say about itself for the repository to file and list it. */
export interface StorablePackage {
  name: string;
  version: string;
  size: number;
}

/** The package's summary (shown in lists) is kept apart from its files, so listing reads no code. */
const summaryKey = (id: string) => `summary:${id}`;
const packageKey = (id: string) => `package:${id}`;
const SUMMARY_PREFIX = 'summary:';

export type PackageStoreFailure = 'quota' | 'unavailable';

export class PackageStoreError extends Error {
  constructor(
    readonly kind: PackageStoreFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PackageStoreError';
  }
}

export interface PackageListing<S> {
  packages: S[];
  /** Ids whose stored summary no longer reads (an older or damaged record): removable. */
  unreadable: string[];
}

export interface PackageRepository<P extends StorablePackage, S> {
  list(): Promise<PackageListing<S>>;
  /** The packages by `name@version`; undefined where none (or no readable one) is stored. */
  get(ids: readonly string[]): Promise<(P | undefined)[]>;
  /** Stores every package or none of them (one transaction). */
  put(packages: readonly P[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

export interface PackageRepositoryOptions<P extends StorablePackage, S> {
  /** Parses a stored package (files included) on the way out. */
  packageSchema: z.ZodMiniType<P>;
  /** Parses a stored summary on the way out. */
  summarySchema: z.ZodMiniType<S>;
  summaryOf(pkg: P): S;
  /** The IndexedDB object store; the app's own by default (tests pass a seam). */
  store?: UseStore;
}

export const packageIdOf = ({ name, version }: { name: string; version: string }): string =>
  `${name}@${version}`;

function storeFailure(error: unknown, what: string): PackageStoreError {
  if (isQuotaExceeded(error)) {
    return new PackageStoreError(
      'quota',
      `The browser's storage is full: ${what} was not stored. Remove packages you no longer need, or free space for this site, and try again; your hooks are not affected.`,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new PackageStoreError(
    'unavailable',
    `The package store could not be used (${reason}): ${what} was not stored.`,
  );
}

/** The IndexedDB store of npm packages, by `name@version`. */
export function createPackageRepository<P extends StorablePackage, S>(
  options: PackageRepositoryOptions<P, S>,
): PackageRepository<P, S> {
  const store = options.store ?? openIndexedDbStore(PACKAGES_DB, PACKAGES_STORE);

  return {
    async list() {
      const ids = (await keys<string>(store))
        .filter((key) => typeof key === 'string' && key.startsWith(SUMMARY_PREFIX))
        .map((key) => key.slice(SUMMARY_PREFIX.length))
        .sort();
      const stored = await getMany(ids.map(summaryKey), store);
      const packages: S[] = [];
      const unreadable: string[] = [];
      stored.forEach((value, index) => {
        const parsed = options.summarySchema.safeParse(value);
        if (parsed.success) packages.push(parsed.data);
        else unreadable.push(ids[index]!);
      });
      return { packages, unreadable };
    },

    async get(ids) {
      const stored = await getMany(ids.map(packageKey), store);
      return stored.map((value) => {
        const parsed = options.packageSchema.safeParse(value);
        return parsed.success ? parsed.data : undefined;
      });
    },

    async put(packages) {
      if (packages.length === 0) return;
      const entries: [string, unknown][] = packages.flatMap((pkg) => {
        const id = packageIdOf(pkg);
        return [
          [packageKey(id), pkg],
          [summaryKey(id), options.summaryOf(pkg)],
        ];
      });
      const bytes = packages.reduce((sum, pkg) => sum + pkg.size, 0);
      const what =
        packages.length === 1
          ? `${packageIdOf(packages[0]!)} (${formatKib(bytes)})`
          : `${packages.length} packages (${formatKib(bytes)})`;
      try {
        await setMany(entries, store);
      } catch (error) {
        throw storeFailure(error, what);
      }
    },

    async remove(ids) {
      await delMany(
        ids.flatMap((id) => [summaryKey(id), packageKey(id)]),
        store,
      );
    },
  };
}
