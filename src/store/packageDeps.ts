import { loadOnce } from '../core/loadOnce';
import type { PackageRecord } from '../packages/packageRecord';
import type { PackageSummary } from '../packages/packageSummary';
import type { PackageRepository } from '../persist/createPackageRepository';
import type { PackageDeps } from './packagesSlice';

/** The registry address is this browser's choice, kept beside (not in) the workspace. */
const REGISTRY_KEY = 'hookpad:npm-registry';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some browsers throw on merely reading localStorage when storage is blocked.
    return null;
  }
}

/** The repository, loaded with its schemas (semver among them) on first use, not at start. */
function lazyRepository(): PackageRepository<PackageRecord, PackageSummary> {
  // A failed load is forgotten: the next use asks again (the network may be back).
  const repository = loadOnce(() =>
    import('./packageRepository').then((module) => module.createAppPackageRepository()),
  );
  return {
    list: () => repository().then((opened) => opened.list()),
    get: (ids) => repository().then((opened) => opened.get(ids)),
    put: (packages) => repository().then((opened) => opened.put(packages)),
    remove: (ids) => repository().then((opened) => opened.remove(ids)),
  };
}

/** Tabs of this browser share the package store; a change in one is announced to the others. */
function packageTabs(): PackageDeps['tabs'] {
  if (typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel('hookpad-packages');
  return {
    announce: () => channel.postMessage('changed'),
    listen: (onChange) => {
      // What changed is read from the store itself: the message carries nothing to trust.
      channel.onmessage = () => onChange();
    },
  };
}

/**
 * The app's package store: IndexedDB for the packages, and for downloads a frame that can reach
 * the registry's origin and nothing else (loaded on the first download).
 */
export function createPackageDeps(): PackageDeps {
  return {
    repository: lazyRepository(),
    connectRegistry: (registry) => {
      const frame = import('../sandbox/registryFrame').then(({ createRegistryFetch }) =>
        createRegistryFetch(registry),
      );
      // A refused address is reported by the download that needed it.
      frame.catch(() => undefined);
      return {
        fetch: (url, init) => frame.then((opened) => opened.fetch(url, init)),
        dispose: () =>
          void frame.then(
            (opened) => opened.dispose(),
            () => undefined,
          ),
      };
    },
    tabs: packageTabs(),
    registrySetting: {
      load: () => {
        try {
          return storage()?.getItem(REGISTRY_KEY) ?? null;
        } catch {
          return null;
        }
      },
      save: (address) => {
        try {
          storage()?.setItem(REGISTRY_KEY, address);
        } catch {
          // Blocked storage: the address lasts for this page.
        }
      },
    },
  };
}
