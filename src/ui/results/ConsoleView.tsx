import { useState } from 'react';
import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { ConsoleList } from './lazyRunViews';
import './results.css';

/** Entries rendered before "Show all": enough to read, few enough to stay instant. */
export const CONSOLE_FOLD = 200;

/** The hook's console output and the runtime's warnings, one list item per entry. */
export function ConsoleView() {
  const run = useAppStore(selectRun);
  const [expandedRun, setExpandedRun] = useState<number | null>(null);
  const { logs, hookId } = run;
  const expanded = expandedRun === run.id;
  const shown = expanded ? logs : logs.slice(0, CONSOLE_FOLD);

  return (
    <section className="result console" aria-label="Console">
      <h2 className="result-title">
        Console
        {logs.length > 0 && <span className="count"> ({logs.length + run.droppedLogs})</span>}
      </h2>
      {logs.length === 0 || hookId === null ? (
        <p className="empty">
          {run.status === 'idle'
            ? 'What your hook writes with console.log, console.warn, … appears here, one line per call, and warnings from the runtime (e.g. a second call of cb).'
            : run.status === 'running'
              ? 'No console output yet.'
              : 'The hook wrote nothing to the console.'}
        </p>
      ) : (
        <ConsoleList entries={shown} hookId={hookId} />
      )}
      {!expanded && logs.length > CONSOLE_FOLD && (
        <button type="button" className="button" onClick={() => setExpandedRun(run.id)}>
          Show all ({logs.length})
        </button>
      )}
      {run.droppedLogs > 0 && (
        <p className="notice">
          {run.droppedLogs} more entries were not kept; Hookpad keeps the first {logs.length}.
        </p>
      )}
    </section>
  );
}
