import type { LogEntry } from '../../core/schemas';
import { CodeLocationButton } from '../common/CodeLocationButton';
import { useRunSecretMask, type Mask } from '../common/useSecretMask';

interface ConsoleListProps {
  entries: readonly LogEntry[];
  /** The hook that wrote them (the run's). */
  hookId: string;
}

/** A run's console entries, one list item each: shown only after a run, so loaded lazily. */
export function ConsoleList({ entries, hookId }: ConsoleListProps) {
  const mask = useRunSecretMask();
  return (
    <ol className="console-list">
      {entries.map((entry) => (
        <ConsoleLine key={entry.seq} entry={entry} hookId={hookId} mask={mask} />
      ))}
    </ol>
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
