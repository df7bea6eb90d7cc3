import type { StateCreator } from 'zustand';
import { loadOnce } from '../core/loadOnce';
import { formatKib } from '../core/formatKib';
import { messageOf } from '../packages/packageError';
import { packageId } from '../packages/packageName';
import type { PackageRecord } from '../packages/packageRecord';
import type { PackageSummary } from '../packages/packageSummary';
import type { InstallRoot } from '../packages/planInstall';
import type { PackageFileInput } from '../packages/readPackageFiles';
import { normaliseRegistry, NPM_REGISTRY } from '../packages/registryAddress';
import type { FetchFunction } from '../packages/registryClient';
import type { PackageRepository } from '../persist/createPackageRepository';
import type { AppState } from './appState';
import type { TreeForRun } from './packageTrees';
import type { RunDependencySource } from './runPackages';

type PackageWork = typeof import('./packageWork');

/** What the store needs to keep packages: their repository, the registry's door, a setting. */
export interface PackageDeps {
  repository: PackageRepository<PackageRecord, PackageSummary>;
  /** A fetch that reaches `registry` and nothing else; disposed when the address changes. */
  connectRegistry(registry: string): { fetch: FetchFunction; dispose(): void };
  registrySetting: { load(): string | null; save(address: string): void };
  /** The other tabs of this browser: told when this one changes the store, and telling it. */
  tabs?: { announce(): void; listen(onChange: () => void): void };
}

export interface PackageNotice {
  kind: 'error' | 'success';
  message: string;
  /** One line per file or package that could not be used. */
  details: string[];
}

export interface PackagesState {
  /** 'unavailable': the browser's storage could not be opened; nothing can be stored. */
  status: 'loading' | 'ready' | 'unavailable';
  stored: PackageSummary[];
  /** Stored ids whose summary no longer reads: listed so they can be removed. */
  unreadable: string[];
  /** The registry address "Fetch from npm" uses, normalised. */
  registry: string;
  /** What is being done, as the region says it; null when nothing is. One task at a time. */
  busy: string | null;
  notice: PackageNotice | null;
  /** Bumped whenever the stored set changes: kept run trees are for one revision. */
  revision: number;
}

export interface PackagesSlice {
  packages: PackagesState;
  loadPackages(): Promise<void>;
  /** Resolves, downloads, verifies and stores these dependencies and their whole trees. */
  fetchPackages(dependencies: readonly InstallRoot[]): Promise<void>;
  addPackageFiles(files: readonly PackageFileInput[]): Promise<void>;
  removePackages(ids: readonly string[]): Promise<void>;
  /** Sets the registry address; returns why it cannot be used, or null. */
  setRegistry(address: string): string | null;
  dismissPackageNotice(): void;
  /**
   * The stored version each dependency would run with (name → version), for share links and
   * reproductions to name; none for a dependency nothing stored satisfies.
   */
  storedVersionsFor(source: RunDependencySource): Promise<Record<string, string>>;
  /** The package tree a run gets for the dependencies its code and hook declare. */
  packageTreeFor(source: RunDependencySource): TreeForRun;
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function initialRegistry(deps: PackageDeps | undefined): string {
  const saved = deps?.registrySetting.load();
  if (saved) {
    try {
      return normaliseRegistry(saved);
    } catch {
      // A damaged setting falls back to the public registry; the field shows it.
    }
  }
  return NPM_REGISTRY;
}

/**
 * Stored npm packages (docs/runtime-semantics.md §10.1): listed without reading their code,
 * added from the registry (only when the user asks) or from files, all or nothing, and laid
 * out for runs from memory. Without deps (tests of other slices) nothing can be stored.
 */
export function createPackagesSlice(
  deps: PackageDeps | undefined,
): StateCreator<AppState, [], [], PackagesSlice> {
  return (set, get) => {
    // semver, the tarball and zip readers: loaded with the first stored package or task.
    let work: PackageWork | null = null;
    let trees: ReturnType<PackageWork['createPackageTrees']> | null = null;
    // A failed load is forgotten: the next use asks again (the network may be back).
    const loadWork = loadOnce(() =>
      import('./packageWork').then((loaded) => {
        work = loaded;
        trees = loaded.createPackageTrees(
          (ids) => deps?.repository.get(ids) ?? Promise.resolve([]),
        );
        return loaded;
      }),
    );
    let listed: Promise<void> | null = null;
    let connection: { registry: string; fetch: FetchFunction; dispose(): void } | null = null;

    const patch = (changes: Partial<PackagesState>) =>
      set((state) => ({ packages: { ...state.packages, ...changes } }));
    const fail = (message: string, details: string[] = []) =>
      patch({ busy: null, notice: { kind: 'error', message, details } });

    const refresh = async () => {
      if (!deps) return;
      const { packages, unreadable } = await deps.repository.list();
      if (packages.length > 0) await loadWork();
      trees?.clear();
      set((state) => ({
        packages: {
          ...state.packages,
          status: 'ready',
          stored: packages,
          unreadable,
          revision: state.packages.revision + 1,
        },
      }));
    };

    /** Runs one task at a time; false when another is in progress. */
    const begin = (busy: string): boolean => {
      if (!deps || get().packages.busy !== null || get().packages.status !== 'ready') return false;
      patch({ busy, notice: null });
      return true;
    };

    const registryFetch = (registry: string): FetchFunction => {
      if (connection?.registry !== registry) {
        connection?.dispose();
        connection = { registry, ...deps!.connectRegistry(registry) };
      }
      return connection.fetch;
    };

    const storeRecords = async (records: PackageRecord[], from: string) => {
      await deps!.repository.put(records);
      deps!.tabs?.announce();
      await refresh();
      const bytes = records.reduce((sum, record) => sum + record.size, 0);
      const names = records.map((record) => packageId(record.name, record.version));
      patch({
        busy: null,
        notice: {
          kind: 'success',
          message:
            records.length === 0
              ? `Nothing new to store: every package is already stored.`
              : `Stored ${counted(records.length, 'package')} (${formatKib(bytes)}) from ${from}.`,
          details:
            names.length <= 12 ? names : [...names.slice(0, 12), `…and ${names.length - 12} more`],
        },
      });
    };

    // Another tab stored or removed packages: list them anew (its runs' trees too).
    deps?.tabs?.listen(() => {
      if (get().packages.status === 'ready') void refresh().catch(() => undefined);
    });

    return {
      packages: {
        status: deps ? 'loading' : 'unavailable',
        stored: [],
        unreadable: [],
        registry: initialRegistry(deps),
        busy: null,
        notice: null,
        revision: 0,
      },

      loadPackages: async () => {
        if (!deps) return;
        try {
          await (listed ??= refresh());
        } catch (error) {
          patch({
            status: 'unavailable',
            notice: {
              kind: 'error',
              message: `The package store could not be read (${messageOf(error)}): packages cannot be stored or used in this tab.`,
              details: [],
            },
          });
        }
      },

      fetchPackages: async (dependencies) => {
        if (dependencies.length === 0) return;
        const { registry } = get().packages;
        const wanted = dependencies.map(({ name, range }) => `${name}@${range || 'latest'}`);
        if (!begin(`Fetching ${wanted.join(', ')} from ${registry}…`)) return;
        try {
          const stored = new Set(
            get().packages.stored.map((pkg) => packageId(pkg.name, pkg.version)),
          );
          const { downloadTrees } = await loadWork();
          const records = await downloadTrees(
            dependencies,
            registry,
            registryFetch(registry),
            stored,
          );
          await storeRecords(records, registry);
        } catch (error) {
          fail(`Nothing was stored: ${messageOf(error)}.`);
        }
      },

      addPackageFiles: async (files) => {
        if (files.length === 0) return;
        const what = files.length === 1 ? files[0]!.name : counted(files.length, 'file');
        if (!begin(`Reading ${what}…`)) return;
        try {
          const { readPackageFiles } = await loadWork();
          const { packages, problems } = await readPackageFiles(files);
          if (problems.length > 0) {
            fail(
              `Nothing was stored: ${counted(problems.length, 'problem')} in ${what}.`,
              problems.map(({ file, message }) => `${file}: ${message}`),
            );
            return;
          }
          await storeRecords(packages, what);
        } catch (error) {
          fail(`Nothing was stored: ${messageOf(error)}.`);
        }
      },

      removePackages: async (ids) => {
        if (ids.length === 0 || !begin(`Removing ${ids.join(', ')}…`)) return;
        try {
          await deps!.repository.remove(ids);
          deps!.tabs?.announce();
          await refresh();
          patch({
            busy: null,
            notice: { kind: 'success', message: `Removed ${ids.join(', ')}.`, details: [] },
          });
        } catch (error) {
          fail(`Could not remove ${ids.join(', ')}: ${messageOf(error)}.`);
        }
      },

      setRegistry: (address) => {
        let registry: string;
        try {
          registry = normaliseRegistry(address);
        } catch (error) {
          return messageOf(error) + '.';
        }
        deps?.registrySetting.save(registry);
        patch({ registry });
        return null;
      },

      dismissPackageNotice: () => patch({ notice: null }),

      storedVersionsFor: async (source) => {
        if (get().packages.stored.length === 0) return {};
        const loaded = await loadWork();
        const matches = loaded.matchStoredDependencies(
          loaded.runDependencies(source),
          get().packages.stored,
        );
        return Object.fromEntries(
          matches.flatMap(({ name, stored }) => (stored === undefined ? [] : [[name, stored]])),
        );
      },

      packageTreeFor: (source) => {
        const { status, stored } = get().packages;
        if (status === 'ready' && stored.length === 0) return { kind: 'none' };
        if (status === 'unavailable') return { kind: 'none' };
        const treeNow = (): TreeForRun => {
          const { stored: now, revision } = get().packages;
          if (!work || !trees || now.length === 0) return { kind: 'none' };
          return trees.treeFor(
            work.storedRoots(work.matchStoredDependencies(work.runDependencies(source), now)),
            now,
            revision,
          );
        };
        if (status === 'ready' && work) return treeNow();
        // A run before the stored list (or the code that lays it out) has loaded waits for it.
        const loading = get()
          .loadPackages()
          .then(async () => {
            if (get().packages.stored.length > 0) await loadWork();
            const tree = treeNow();
            return tree.kind === 'none' ? { files: [] } : tree.tree;
          });
        return { kind: 'pending', tree: loading };
      },
    };
  };
}
