import { useEffect } from 'react';
import { quarantinedRaw, resolveConflict, useAppStore } from '../../store';
import type { HookConflict } from '../../store/syncSlice';
import { downloadText } from '../common/downloadFile';
import './notices.css';

/** How long Undo stays offered after a hook is deleted. */
export const UNDO_DELETE_MS = 10_000;

/**
 * What the workspace has to tell: a deleted hook (Undo), a hook another tab changed while
 * this one edited it, records that could not be read, and a storage that refuses writes.
 */
export function WorkspaceNotices() {
  return (
    <div aria-live="polite" className="workspace-notices">
      <DeletedHookNotice />
      <ConflictNotices />
      <QuarantineNotice />
      <SaveProblemNotice />
    </div>
  );
}

function DeletedHookNotice() {
  const deleted = useAppStore((state) => state.deletedHook);
  const undo = useAppStore((state) => state.undoDeleteHook);
  const dismiss = useAppStore((state) => state.dismissDeletedHook);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(dismiss, UNDO_DELETE_MS);
    return () => clearTimeout(timer);
  }, [deleted, dismiss]);
  if (!deleted) return null;
  return (
    <div className="share-bar">
      <p className="share-bar-message notice-message">Deleted hook “{deleted.record.name}”.</p>
      <button type="button" className="button" onClick={undo}>
        Undo
      </button>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        Close
      </button>
    </div>
  );
}

function ConflictNotices() {
  const conflicts = useAppStore((state) => state.conflicts);
  return conflicts.map((conflict) => <ConflictNotice key={conflict.id} conflict={conflict} />);
}

function ConflictNotice({ conflict }: { conflict: HookConflict }) {
  const { mine, theirs } = conflict;
  return (
    <div role="alert" className="share-bar share-bar-alert">
      <p className="share-bar-message notice-message">
        {theirs
          ? `“${mine.name}” was changed in another tab while you edited it here. Nothing was overwritten: keep both as two hooks, use the other tab's version, or keep yours.`
          : `“${mine.name}” was deleted in another tab while you edited it here. Keep yours to bring it back.`}
      </p>
      {theirs && (
        <button
          type="button"
          className="button"
          onClick={() => resolveConflict(conflict.id, 'keep-both')}
        >
          Keep both
        </button>
      )}
      <button
        type="button"
        className="button"
        onClick={() => resolveConflict(conflict.id, 'use-theirs')}
      >
        {theirs ? 'Use theirs' : 'Let it go'}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => resolveConflict(conflict.id, 'keep-mine')}
      >
        Keep mine
      </button>
    </div>
  );
}

function QuarantineNotice() {
  const quarantined = useAppStore((state) => state.quarantined);
  const dismiss = useAppStore((state) => state.dismissQuarantine);
  if (quarantined.length === 0) return null;
  const count = quarantined.length;
  const exportRaw = async () => {
    const records = await Promise.all(
      quarantined.map(async ({ key, error }) => ({ key, error, raw: await quarantinedRaw(key) })),
    );
    downloadText('hookpad-unreadable-records.json', JSON.stringify(records, null, 2));
  };
  return (
    <div role="alert" className="share-bar share-bar-alert">
      <p className="share-bar-message notice-message">
        {count === 1 ? '1 hook could not be read' : `${count} hooks could not be read`} — export it
        raw. It stays stored as it is: {quarantined[0]!.error}
      </p>
      <button type="button" className="button" onClick={() => void exportRaw()}>
        Export raw
      </button>
      <button type="button" className="button button-quiet" onClick={dismiss}>
        Close
      </button>
    </div>
  );
}

function SaveProblemNotice() {
  const problem = useAppStore((state) => state.saveProblem);
  const dismiss = useAppStore((state) => state.setSaveProblem);
  if (!problem) return null;
  return (
    <div role="alert" className="share-bar share-bar-alert">
      <p className="share-bar-message notice-message">{problem.message}</p>
      <button type="button" className="button button-quiet" onClick={() => dismiss(null)}>
        Close
      </button>
    </div>
  );
}
