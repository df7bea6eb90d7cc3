import { useId, useMemo } from 'react';
import { getPoint } from '../../core/points';
import { useAppStore } from '../../store';
import { hasUnsavedChanges } from '../../workspace/draft/sameDraft';
import { selectHook } from '../../store/selectors';
import type { HookVersion } from '../../workspace/hookRecord';
import { SaveVersionForm } from './SaveVersionForm';
import { preloadVersionCompare } from './VersionCompare';
import { restoreVersionNow, useVersionNotice } from './versionActions';
import {
  EMPTY_HISTORY_TEXT,
  formatVersionTime,
  newestFirst,
  versionDateTime,
  versionMessageText,
} from './versionHistory';
import './history.css';

/**
 * The selected hook's saved versions, newest first, with Save version above them. Each
 * version can be compared with the draft (Monaco's diff editor, in the code pane) or
 * restored; restoring never loses work (an unsaved draft is kept as a version first).
 * Laid out for a narrow sidebar column.
 */
export function HistoryPanel() {
  const hook = useAppStore(selectHook);
  const comparing = useAppStore((state) => state.comparing);
  const compareVersion = useAppStore((state) => state.compareVersion);
  const closeCompare = useAppStore((state) => state.closeCompare);
  const notice = useVersionNotice(hook.id);
  const versions = useMemo(() => newestFirst(hook.versions), [hook.versions]);
  const draftIsSaved = versions.length > 0 && !hasUnsavedChanges(hook);
  const comparedId = comparing?.hookId === hook.id ? comparing.versionId : null;

  return (
    <section className="history" aria-label="History">
      <div className="history-header">
        <h2 className="history-title">History</h2>
        {versions.length > 0 && (
          <span className="history-count">
            {versions.length === 1 ? '1 version' : `${versions.length} versions`}
          </span>
        )}
      </div>
      {/* Keyed: an open message form belongs to the hook it was opened for. */}
      <SaveVersionForm key={hook.id} hookId={hook.id} />
      <p role="status" className="history-status">
        {notice}
      </p>
      {versions.length === 0 ? (
        <p className="history-empty">{EMPTY_HISTORY_TEXT}</p>
      ) : (
        <ol className="history-list">
          {versions.map((version, index) => (
            <VersionItem
              key={version.id}
              version={version}
              otherPoint={version.pointId === hook.pointId ? null : version.pointId}
              sameAsDraft={index === 0 && draftIsSaved}
              compared={version.id === comparedId}
              onCompare={() =>
                version.id === comparedId ? closeCompare() : compareVersion(hook.id, version.id)
              }
              onRestore={() => restoreVersionNow(hook.id, version.id)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface VersionItemProps {
  version: HookVersion;
  /** The version's point when it is not the hook's current one. */
  otherPoint: HookVersion['pointId'] | null;
  sameAsDraft: boolean;
  compared: boolean;
  onCompare(): void;
  onRestore(): void;
}

function VersionItem({
  version,
  otherPoint,
  sameAsDraft,
  compared,
  onCompare,
  onRestore,
}: VersionItemProps) {
  const describedBy = useId();
  const message = versionMessageText(version.message);
  return (
    <li className="history-item" aria-current={compared ? 'true' : undefined}>
      <div className="history-item-text" id={describedBy}>
        <time className="history-time" dateTime={versionDateTime(version.savedAt)}>
          {formatVersionTime(version.savedAt)}
        </time>
        <span
          className={
            version.message.trim() === '' ? 'history-message history-no-message' : 'history-message'
          }
          title={message}
        >
          {message}
        </span>
        {(otherPoint || sameAsDraft) && (
          <span className="history-tags">
            {otherPoint && <span className="history-tag">{getPoint(otherPoint).label}</span>}
            {sameAsDraft && <span className="history-tag">Same as the draft</span>}
          </span>
        )}
      </div>
      <div className="history-item-actions">
        <button
          type="button"
          className="button button-small"
          aria-describedby={describedBy}
          aria-pressed={compared}
          onClick={onCompare}
          onPointerEnter={preloadVersionCompare}
          onFocus={preloadVersionCompare}
          title={compared ? 'Close the comparison' : 'Compare this version with the draft'}
        >
          Compare
        </button>
        <button
          type="button"
          className="button button-small"
          aria-describedby={describedBy}
          onClick={onRestore}
          title="Make this version the draft (an unsaved draft is kept in History first)"
        >
          Restore
        </button>
      </div>
    </li>
  );
}
