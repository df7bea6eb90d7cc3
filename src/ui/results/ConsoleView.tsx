import { useState } from 'react';
import type { LogEntry } from '../../core/schemas';
import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { CodeLocationButton } from '../common/CodeLocationButton';
import { useRunSecretMask, type Mask } from '../common/useSecretMask';
import './results.css';

/** Entries rendered before "Show all": enough to read, few enough to stay instant. */
export const CONSOLE_FOLD = 200;

/** The hook's console output and the runtime's warnings, one list item per entry. */
export function ConsoleView() {
  const run = useAppStore(selectRun);
  const mask = useRunSecretMask();
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
        <ol className="console-list">
          {shown.map((entry) => (
            <ConsoleLine key={entry.seq} entry={entry} hookId={hookId} mask={mask} />
          ))}
        </ol>
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

interface ConsoleLineProps {
  entry: LogEntry;
  hookId: string;
  mask: Mask;
}

function ConsoleLine({ entry, hookId, mask }: ConsoleLineProps) {
  return (
    <li className={`console-line console-${entry.level} console-source-${entry.source}`}>
      <span className="console-level">
        {entry.source === 'runtime' ? 'runtime warning' : entry.level}
      </span>
      <span className="console-time">{formatTime(entry.timeMs)}</span>
      <span className="console-text">{mask(entry.text)}</span>
      {(entry.afterCallback || entry.location) && (
        <span className="console-meta">
          {entry.afterCallback && <span className="badge badge-after">after callback</span>}
          {entry.location && (
            <CodeLocationButton hookId={hookId} location={entry.location} prefix="line" />
          )}
        </span>
      )}
    </li>
  );
}

function formatTime(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
