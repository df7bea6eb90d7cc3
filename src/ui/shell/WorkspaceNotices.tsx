import { afterSandboxStart } from '../../perf/editorReady';
import { quarantinedRaw, useAppStore } from '../../store';
import { downloadText } from '../common/downloadFile';
import { lazyPart, LazyPartSlot } from '../common/lazyPart';
import './notices.css';

// A deleted hook's Undo and the other tabs' conflicts come only after an edit: loaded after
// start-up (or when first needed). Records that could not be read and a storage that refuses
// writes can be there from the start, so they load with the page.
const editNotices = lazyPart(() => import('./EditNotices').then((module) => module.EditNotices));
void afterSandboxStart().then(editNotices.preload);

/**
 * What the workspace has to tell: a deleted hook (Undo), a hook another tab changed while
 * this one edited it, records that could not be read, and a storage that refuses writes.
 */
export function WorkspaceNotices() {
  return (
    <div aria-live="polite" className="workspace-notices">
      <LaterNotices />
      <QuarantineNotice />
      <SaveProblemNotice />
    </div>
  );
}

function LaterNotices() {
  const shown = useAppStore((state) => Boolean(state.deletedHook) || state.conflicts.length > 0);
  if (!shown) return null;
  return (
    <LazyPartSlot what="A notice about the workspace" fallback={null}>
      <editNotices.Part />
    </LazyPartSlot>
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
