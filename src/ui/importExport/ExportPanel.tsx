import { useId, useMemo, useState } from 'react';
import { useAppStore } from '../../store';
import { selectHook } from '../../store/selectors';
import type { HookRecord } from '../../workspace/hookRecord';
import { downloadFile } from '../common/downloadFile';
import {
  EXPORT_FORMATS,
  buildExport,
  nameWarnings,
  secretsNote,
  type ExportFormat,
  type ExportScope,
} from './exportPlan';
import { hookCount } from './importSummary';
import './importExport.css';

type Progress =
  { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/**
 * The export dialog's content: the selected hook or all hooks, as a deploy-cli directory
 * or YAML export (zipped) or a Hookpad workspace file; secret values only when asked.
 */
export function ExportPanel({ onClose }: { onClose: () => void }) {
  const hooks = useAppStore((state) => state.hooks);
  const order = useAppStore((state) => state.hookOrder);
  const selected = useAppStore(selectHook);
  const [scope, setScope] = useState<ExportScope>('all');
  const [format, setFormat] = useState<ExportFormat>('directory');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const scopeName = useId();
  const formatName = useId();

  const chosen = useMemo<HookRecord[]>(
    () =>
      scope === 'selected'
        ? [selected]
        : order.map((id) => hooks[id]).filter((hook): hook is HookRecord => !!hook),
    [scope, selected, order, hooks],
  );
  const warnings = nameWarnings(chosen);

  const download = async () => {
    setProgress({ kind: 'working' });
    try {
      const file = await buildExport(format, chosen, includeSecrets);
      downloadFile(file.name, file.data, file.type);
      setProgress({ kind: 'done', text: `Downloaded ${file.name}: ${hookCount(chosen.length)}.` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setProgress({ kind: 'failed', text: `The export failed: ${message}.` });
    }
  };

  return (
    <div className="io-panel">
      <fieldset className="io-fieldset">
        <legend>Hooks</legend>
        <label className="io-choice">
          <input
            type="radio"
            name={scopeName}
            checked={scope === 'selected'}
            onChange={() => setScope('selected')}
          />
          Selected hook
        </label>
        <span className="io-muted io-choice-detail">{selected.name}</span>
        <label className="io-choice">
          <input
            type="radio"
            name={scopeName}
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />
          All hooks
        </label>
        <span className="io-muted io-choice-detail">{hookCount(order.length)}</span>
      </fieldset>

      <fieldset className="io-fieldset">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((option) => (
          <label key={option.id} className="io-choice io-choice-wide">
            <input
              type="radio"
              name={formatName}
              checked={format === option.id}
              onChange={() => setFormat(option.id)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>

      <label className="check io-secrets">
        <input
          type="checkbox"
          checked={includeSecrets}
          onChange={(event) => setIncludeSecrets(event.target.checked)}
        />
        Include secret values
      </label>
      <p className={includeSecrets ? 'io-note io-note-warn' : 'io-muted'}>
        {secretsNote(format, includeSecrets)}
      </p>

      {warnings.length > 0 && (
        <ul role="list" className="io-list io-warnings" aria-label="Name warnings">
          {warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}

      <div role="status" className="io-status">
        {progress?.kind === 'working' && <p>Preparing the file…</p>}
        {progress?.kind === 'done' && <p>{progress.text}</p>}
      </div>
      {progress?.kind === 'failed' && (
        <p role="alert" className="io-error">
          {progress.text}
        </p>
      )}

      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={progress?.kind === 'working'}
          onClick={() => void download()}
        >
          Download
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
