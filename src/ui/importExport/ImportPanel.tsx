import { useEffect, useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { getPoint, points } from '../../core/points';
import type { PointId } from '../../core/schemas';
import type { ImportedHook, ImportProblem } from '../../workspace/importHooks';
import {
  describeImportResult,
  hookCount,
  importButtonLabel,
  notExportedSecrets,
} from './importSummary';
import { readDataTransfer, readFileList } from './readDroppedFiles';
import { useImport } from './useImport';
import './importExport.css';

const ACCEPT = '.js,.json,.yaml,.yml,.zip';

/** Makes the input pick a folder (React has no prop for the non-standard attribute). */
const asFolderPicker = (input: HTMLInputElement | null): void => {
  if (input) input.webkitdirectory = true;
};

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

/**
 * The import dialog's content: choose files or a folder, or drop them; review the problems
 * and the hooks found (confirming guessed points); import the hooks into the workspace.
 */
export function ImportPanel({ onClose }: { onClose: () => void }) {
  const { state, read, setPoint, importHooks } = useImport();
  const [over, setOver] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const problemsTitle = useId();
  const hooksTitle = useId();

  // The Import button goes away once the hooks are in: focus moves to Close.
  useEffect(() => {
    if (state.phase === 'done') closeButton.current?.focus();
  }, [state.phase]);

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = Array.from(input.files ?? []);
    // Cleared, so choosing the same files again reads them again.
    input.value = '';
    if (chosen.length > 0) void read(readFileList(chosen));
  };

  const review = state.phase === 'review' ? state : null;
  const problems: readonly ImportProblem[] =
    state.phase === 'review' ? state.result.problems : state.phase === 'done' ? state.problems : [];

  return (
    <div className="io-panel">
      <div
        role="region"
        aria-label="Drop files here"
        className={over ? 'io-drop io-drop-over' : 'io-drop'}
        onDragEnter={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          setOver(true);
        }}
        onDragOver={(event) => {
          if (!carriesFiles(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          // Read now: the drop's items are gone once the event is over.
          void read(readDataTransfer(event.dataTransfer));
        }}
      >
        <p className="io-drop-title">Drop files or folders here, or</p>
        <div className="io-pickers">
          <label className="button io-picker">
            <input
              type="file"
              multiple
              accept={ACCEPT}
              className="visually-hidden"
              onChange={pick}
            />
            Choose files
          </label>
          <label className="button io-picker">
            <input ref={asFolderPicker} type="file" className="visually-hidden" onChange={pick} />
            Choose folder
          </label>
        </div>
        <p className="io-muted">
          A deploy-cli export (its <code>hooks</code> folder, a <code>tenant.yaml</code> with its{' '}
          <code>hooks</code> folder, or a zip of either), hook <code>.js</code> files, or a Hookpad
          workspace <code>.json</code>.
        </p>
      </div>

      <div role="status" className="io-status">
        {state.phase === 'reading' && <p>Reading the files…</p>}
        {review && <p>{describeImportResult(review.result, review.skipped)}</p>}
        {state.phase === 'done' && (
          <>
            <p className="io-summary">{state.summary}</p>
            {state.notes.length > 0 && (
              <ul className="io-notes" aria-label="Import notes">
                {state.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {state.phase === 'failed' && (
        <p role="alert" className="io-error">
          {state.message}
        </p>
      )}

      {problems.length > 0 && (
        <section className="io-section" aria-labelledby={problemsTitle}>
          <h3 id={problemsTitle} className="io-section-title">
            Problems
          </h3>
          <ul role="list" className="io-list io-problems" aria-label="Import problems">
            {problems.map((problem, index) => (
              <li key={`${problem.file}:${index}`}>
                <code className="io-file">{problem.file}</code>
                <span>{problem.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {review && review.result.hooks.length > 0 && (
        <section className="io-section" aria-labelledby={hooksTitle}>
          <h3 id={hooksTitle} className="io-section-title">
            {hookCount(review.result.hooks.length)} to import
          </h3>
          <ul role="list" className="io-list" aria-label="Hooks to import">
            {review.result.hooks.map((hook) => (
              <ImportedHookItem
                key={hook.record.id}
                hook={hook}
                pointId={review.points[hook.record.id] ?? hook.record.pointId}
                onPoint={(pointId) => setPoint(hook.record.id, pointId)}
              />
            ))}
          </ul>
        </section>
      )}

      <div className="dialog-actions">
        {review && review.result.hooks.length > 0 && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void importHooks()}
          >
            {importButtonLabel(review.result.hooks.length)}
          </button>
        )}
        <button ref={closeButton} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function ImportedHookItem({
  hook,
  pointId,
  onPoint,
}: {
  hook: ImportedHook;
  pointId: PointId;
  onPoint: (pointId: PointId) => void;
}) {
  const { record, source, pointGuessed } = hook;
  const hidden = notExportedSecrets(record);
  const selectId = useId();
  return (
    <li className="io-hook">
      <div className="io-hook-head">
        <strong className="io-hook-name">{record.name}</strong>
        <span className="io-hook-meta">
          {getPoint(pointId).label} · {record.enabled ? 'enabled' : 'disabled'}
        </span>
      </div>
      <div className="io-muted">
        from <code className="io-file">{source}</code>
      </div>
      {hidden.length > 0 && (
        <p className="io-note">
          Secret value not exported: {hidden.join(', ')}. The{' '}
          {hidden.length === 1 ? 'secret' : 'secrets'} {hidden.length === 1 ? 'is' : 'are'} imported
          empty; enter the {hidden.length === 1 ? 'value' : 'values'} before running.
        </p>
      )}
      {pointGuessed && (
        <div className="io-point">
          <label htmlFor={selectId}>Extensibility point for {record.name}</label>
          <select
            id={selectId}
            value={pointId}
            onChange={(event) => {
              const point = points.find((candidate) => candidate.id === event.target.value);
              if (point) onPoint(point.id);
            }}
          >
            {points.map((point) => (
              <option key={point.id} value={point.id}>
                {point.label}
              </option>
            ))}
          </select>
          <span className="io-muted">Guessed from the code: confirm or change it.</span>
        </div>
      )}
    </li>
  );
}
