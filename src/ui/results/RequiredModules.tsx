import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { requiresOf } from '../../workspace/run/runState';
import './results.css';

/** The modules the hook required during the run, when there were any. */
export function RequiredModules() {
  const outcome = useAppStore(selectRun).outcome;
  const requires = requiresOf(outcome) ?? [];
  if (requires.length === 0) return null;
  return (
    <section className="result" aria-label="Module requests">
      <h2 className="result-title">Module requests</h2>
      <ul className="modules">
        {requires.map((module, index) => (
          <li key={`${index}:${module.name}@${module.version ?? ''}`}>
            <code>
              {module.name}
              {module.version !== undefined && `@${module.version}`}
            </code>{' '}
            <span className={`badge badge-${module.kind}`}>{module.kind}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
