import { useMemo } from 'react';
import { useAppStore } from '../store';
import { hookDependencies } from '../store/dependencies';

/**
 * The hook's npm dependencies (name → version) as the platform would list them: what the
 * code requires with a literal name, merged with what this point's last run required.
 * Loaded after start-up (see DependenciesView): it needs the engine's list of Node core
 * modules, which lives next to their ports.
 */
export default function DependenciesTable() {
  const code = useAppStore((state) => state.hooks[state.selectedHookId]?.draft.code ?? '');
  const runRequires = useAppStore((state) => {
    const { run } = state;
    if (run.hookId !== state.selectedHookId || run.outcome === null) return undefined;
    const outcome = run.outcome;
    return outcome.status === 'succeeded' || outcome.status === 'failed'
      ? outcome.requires
      : undefined;
  });
  const dependencies = useMemo(() => hookDependencies(code, runRequires), [code, runRequires]);
  const entries = Object.entries(dependencies);

  return (
    <>
      {entries.length === 0 ? (
        <p className="field-note">
          No npm dependencies: the hook requires no modules beyond Node&apos;s core ones.
        </p>
      ) : (
        <table className="dependencies-table">
          <thead>
            <tr>
              <th scope="col">Module</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([name, version]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  <code>{version}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
