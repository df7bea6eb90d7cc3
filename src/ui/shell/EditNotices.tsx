import { useEffect } from 'react';
import { resolveConflict, useAppStore } from '../../store';
import type { HookConflict } from '../../store/syncSlice';

/** How long Undo stays offered after a hook is deleted. */
export const UNDO_DELETE_MS = 10_000;

/**
 * The notices that only an edit brings (WorkspaceNotices.tsx): a deleted hook (Undo) and a
 * hook another tab changed while this one edited it.
 */
export function EditNotices() {
  return (
    <>
      <DeletedHookNotice />
      <ConflictNotices />
    </>
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
