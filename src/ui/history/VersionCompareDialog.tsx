import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { EditorTheme } from '../../editor/hookpadThemes';
import { LazyVersionDiffEditor } from '../common/lazyEditors';
import type { GoToChange } from '../../editor/VersionDiffEditor';
import { useAppStore } from '../../store';
import type { HookVersion } from '../../workspace/hookRecord';
import { EditorBoundary } from '../common/EditorBoundary';
import { restoreVersionNow } from './versionActions';
import {
  formatVersionTime,
  NO_MESSAGE,
  versionDateTime,
  versionMessageText,
} from './versionHistory';
import './history.css';

export interface VersionCompareProps {
  hookId: string;
  version: HookVersion;
  theme: EditorTheme;
}

/**
 * A saved version compared with the draft, in a modal dialog covering most of the window:
 * which version, Next/Previous change, Restore this version and Close comparison, then
 * Monaco's diff editor (version left, read-only; draft right; one inline column when the
 * window is narrow). The header is outside the lazily loaded editor, so Close and Restore
 * work before Monaco has arrived. Mounted while comparing; closing gives the focus back to
 * whatever opened it (the version's Compare button).
 */
export function VersionCompare({ hookId, version, theme }: VersionCompareProps) {
  const closeCompare = useAppStore((state) => state.closeCompare);
  const message = versionMessageText(version.message);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [goToChange, setGoToChange] = useState<GoToChange | null>(null);
  const [where, setWhere] = useState('');

  // Modal from the first paint; on unmount (Close, Escape, Restore) the opener gets focus back.
  useLayoutEffect(() => {
    const opener = document.activeElement;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      // Still modal here (React runs this before removing the dialog): the page is inert.
      if (element?.open) element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const go = (target: 'next' | 'previous') => {
    const position = goToChange?.(target);
    setWhere(
      position
        ? `Change ${position.index} of ${position.count}, line ${position.line} of the draft`
        : 'No changes: the version and the draft are the same',
    );
  };

  return (
    <dialog
      ref={dialog}
      className="dialog compare-dialog"
      aria-labelledby={titleId}
      // Escape: the dialog's own close, which the store follows.
      onClose={closeCompare}
    >
      <div className="compare-header">
        <h2 className="compare-title" id={titleId}>
          Comparing the version of{' '}
          <time dateTime={versionDateTime(version.savedAt)}>
            {formatVersionTime(version.savedAt)}
          </time>
          {message === NO_MESSAGE ? '' : <> “{message}”</>} with the draft
        </h2>
        <div className="compare-actions">
          <button
            type="button"
            className="button button-small"
            disabled={goToChange === null}
            onClick={() => go('previous')}
          >
            Previous change
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={goToChange === null}
            onClick={() => go('next')}
          >
            Next change
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => restoreVersionNow(hookId, version.id)}
            title="Make this version the draft (an unsaved draft is kept in History first)"
          >
            Restore this version
          </button>
          <button type="button" className="button button-small" onClick={closeCompare}>
            Close comparison
          </button>
        </div>
        <p role="status" className="compare-status">
          {where}
        </p>
      </div>
      <div className="compare-legend" aria-hidden="true">
        <span>Saved version (read-only)</span>
        <span>Draft</span>
      </div>
      <div className="editor-box compare-editor-box">
        <EditorBoundary>
          {/* Keyed: another version gets a fresh diff editor (see VersionDiffEditor). */}
          <LazyVersionDiffEditor
            key={version.id}
            hookId={hookId}
            versionId={version.id}
            original={version.draft.code}
            theme={theme}
            onNavigation={(navigation) => setGoToChange(() => navigation)}
          />
        </EditorBoundary>
      </div>
    </dialog>
  );
}
