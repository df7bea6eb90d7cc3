import { useMemo } from 'react';
import { useAppStore } from '../../store';
import { hookDependencies, mergeDependencies } from '../../workspace/draft/dependencies';

/**
 * The hook's npm dependencies (name → version) as the platform would list them: what the
 * code requires with a literal name, merged with what this point's last run required.
 * Loaded after start-up (see DependenciesView): it needs the engine's list of Node core
 * modules, which lives next to their ports.
 */
const NO_DEPENDENCIES: Record<string, string> = {};
const SOURCE_LABELS = {
  code: 'require',
  declared: 'declared (import)',
  both: 'require, declared',
} as const;

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
  const declared = useAppStore(
    (state) => state.hooks[state.selectedHookId]?.draft.dependencies ?? NO_DEPENDENCIES,
  );
  const dependencies = useMemo(
    () => mergeDependencies(hookDependencies(code, runRequires), declared),
    [code, runRequires, declared],
  );
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
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([name, { version, source }]) => (
              <tr key={name}>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  <code>{version}</code>
                </td>
                <td>{SOURCE_LABELS[source]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
