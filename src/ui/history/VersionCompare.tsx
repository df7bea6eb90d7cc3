import { Suspense, useEffect, useRef } from 'react';
import { EditorLoading } from '../../editor/EditorLoading';
import { LazyVersionDiffEditor } from '../../editor/lazyEditors';
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
  theme: 'vs' | 'vs-dark';
}

/**
 * What the code pane shows while a saved version is compared with the draft: which version,
 * Close comparison and Restore this version, then Monaco's diff editor (version left,
 * read-only; draft right). The header is outside the lazily loaded editor, so its buttons
 * work before Monaco has arrived.
 */
export function VersionCompare({ hookId, version, theme }: VersionCompareProps) {
  const closeCompare = useAppStore((state) => state.closeCompare);
  const message = versionMessageText(version.message);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Whoever pressed Compare (in History) learns where the comparison is.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, [version.id]);

  return (
    <div className="compare">
      <div className="compare-header">
        <h3 className="compare-title" ref={headingRef}>
          Comparing the version of{' '}
          <time dateTime={versionDateTime(version.savedAt)}>
            {formatVersionTime(version.savedAt)}
          </time>
          {message === NO_MESSAGE ? '' : <> “{message}”</>} with the draft
        </h3>
        <div className="compare-actions">
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
      </div>
      <div className="compare-legend" aria-hidden="true">
        <span>Saved version (read-only)</span>
        <span>Draft</span>
      </div>
      <div className="editor-box compare-editor-box">
        <EditorBoundary>
          <Suspense fallback={<EditorLoading />}>
            {/* Keyed: another version gets a fresh diff editor (see VersionDiffEditor). */}
            <LazyVersionDiffEditor
              key={version.id}
              hookId={hookId}
              versionId={version.id}
              original={version.draft.code}
              theme={theme}
            />
          </Suspense>
        </EditorBoundary>
      </div>
    </div>
  );
}
