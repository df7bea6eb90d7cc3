import { formatKib } from '../../core/formatKib';
import { appStore, useAppStore } from '../../store';

const SOURCES = { registry: 'npm registry', file: 'package file' } as const;

/** The packages kept in this browser, for every hook, with what they weigh and where they came from. */
export function StoredPackagesTable() {
  const stored = useAppStore((state) => state.packages.stored);
  const unreadable = useAppStore((state) => state.packages.unreadable);
  const status = useAppStore((state) => state.packages.status);

  if (status === 'loading') return <p className="field-note">Reading the stored packages…</p>;
  if (status === 'unavailable') return null;
  if (stored.length === 0 && unreadable.length === 0) {
    return (
      <p className="field-note">
        No stored packages: fetch a dependency from npm or add a package file.
      </p>
    );
  }
  return (
    <table className="dependencies-table stored-packages">
      <caption>Stored packages</caption>
      <thead>
        <tr>
          <th scope="col">Package</th>
          <th scope="col">Size</th>
          <th scope="col">Source</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {stored.map((pkg) => {
          const id = `${pkg.name}@${pkg.version}`;
          return (
            <tr key={id}>
              <td>
                <code>{id}</code>
              </td>
              <td>{formatKib(pkg.size)}</td>
              <td>{SOURCES[pkg.source]}</td>
              <td>
                <RemoveButton id={id} />
              </td>
            </tr>
          );
        })}
        {unreadable.map((id) => (
          <tr key={id}>
            <td>
              <code>{id}</code>
            </td>
            <td colSpan={2}>unreadable: remove it and add it again</td>
            <td>
              <RemoveButton id={id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RemoveButton({ id }: { id: string }) {
  const busy = useAppStore((state) => state.packages.busy !== null);
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={`Remove ${id}`}
      disabled={busy}
      onClick={() => void appStore.getState().removePackages([id])}
    >
      Remove
    </button>
  );
}
