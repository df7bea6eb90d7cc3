import { useMemo, useState, type DragEvent } from 'react';
import { appStore, useAppStore } from '../../store';
import { matchStoredDependencies } from '../../packages/storedRoots';
import { hookDependencies, mergeDependencies } from '../../workspace/draft/dependencies';
import { lastUseByName, selectLastRunRequires } from '../packages/lastRunModules';
import { PackageNotice } from '../packages/PackageNotice';
import { readPackageInputs } from '../packages/readDroppedFiles';
import { RegistryField } from '../packages/RegistryField';
import { StoredPackagesTable } from '../packages/StoredPackagesTable';

/**
 * The hook's npm dependencies (name → version) as the platform would list them: what the
 * code requires with a literal name, merged with what this point's last run required; for
 * each, the stored version a run takes and what the last run used ("real 9.0.2", "mock"…).
 * Loaded after start-up (see DependenciesView): it needs the engine's list of Node core
 * modules, which lives next to their ports, and semver.
 */
const NO_DEPENDENCIES: Record<string, string> = {};
const SOURCE_LABELS = {
  code: 'require',
  declared: 'declared (import)',
  both: 'require, declared',
} as const;

export default function DependenciesTable() {
  const code = useAppStore((state) => state.hooks[state.selectedHookId]?.draft.code ?? '');
  const runRequires = useAppStore(selectLastRunRequires);
  const declared = useAppStore(
    (state) => state.hooks[state.selectedHookId]?.draft.dependencies ?? NO_DEPENDENCIES,
  );
  const stored = useAppStore((state) => state.packages.stored);
  const canFetch = useAppStore(
    (state) => state.packages.busy === null && state.packages.status === 'ready',
  );
  const [dragging, setDragging] = useState(false);
  const dependencies = useMemo(
    () => mergeDependencies(hookDependencies(code, runRequires), declared),
    [code, runRequires, declared],
  );
  const matches = useMemo(
    () =>
      matchStoredDependencies(
        Object.fromEntries(
          Object.entries(dependencies).map(([name, { version }]) => [name, version]),
        ),
        stored,
      ),
    [dependencies, stored],
  );
  const lastUse = useMemo(() => lastUseByName(runRequires), [runRequires]);
  const unstored = matches.filter((match) => match.stored === undefined);
  const fetch = (roots: { name: string; range: string }[]) =>
    void appStore.getState().fetchPackages(roots);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length === 0) return;
    void readPackageInputs(event.dataTransfer.files).then((inputs) =>
      appStore.getState().addPackageFiles(inputs),
    );
  };

  return (
    <div
      className={`packages-drop${dragging ? ' packages-drop-active' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      {matches.length === 0 ? (
        <p className="field-note">
          No npm dependencies: the hook requires no modules beyond Node&apos;s core ones.
        </p>
      ) : (
        <table className="dependencies-table">
          <caption className="visually-hidden">The hook&apos;s dependencies</caption>
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Version</th>
              <th scope="col">From</th>
              <th scope="col">Stored</th>
              <th scope="col">Last run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {matches.map(({ name, range, stored: version }) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td>
                  <code>{range}</code>
                </td>
                <td>{SOURCE_LABELS[dependencies[name]!.source]}</td>
                <td>{version ?? '—'}</td>
                <td className="package-use">{lastUse.get(name) ?? '—'}</td>
                <td>
                  {version === undefined && (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={!canFetch}
                      onClick={() => fetch([{ name, range }])}
                    >
                      Fetch from npm
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unstored.length > 1 && (
        <button
          type="button"
          className="button button-small"
          disabled={!canFetch}
          onClick={() => fetch(unstored.map(({ name, range }) => ({ name, range })))}
        >
          Fetch all
        </button>
      )}
      <PackageNotice />
      <StoredPackagesTable />
      <RegistryField />
      <p className="field-note">
        Drop <code>.tgz</code> files from <code>npm pack</code> or a zip of a{' '}
        <code>node_modules</code> folder here. A module mock or auto-mock wins over a stored
        package.
      </p>
    </div>
  );
}
