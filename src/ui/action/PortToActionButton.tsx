import { useState } from 'react';
import { appStore } from '../../store';
import './action.css';

/**
 * "Port to Action": makes the selected hook's Action draft from its code. An Action draft
 * that differs from what the port makes is replaced only after "Replace the Action draft?";
 * the store first saves it as a version when no version holds it, so History can restore it.
 */
export function PortToActionButton({ className = 'button' }: { className?: string }) {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const port = async (replace: boolean) => {
    const outcome = await appStore.getState().portToAction({ replace });
    setAsking(outcome.status === 'needs-confirmation');
    setNote(
      outcome.status === 'ported' && outcome.keptDraftAsVersion
        ? 'The replaced Action draft was saved as a version (History).'
        : '',
    );
  };
  return (
    <div className="port-to-action">
      <button
        type="button"
        className={className}
        onClick={() => void port(false)}
        title="Make this hook's Action from its code; what cannot be translated is listed in Port notes"
      >
        Port to Action
      </button>
      {note && (
        <p role="status" className="port-note-kept">
          {note}
        </p>
      )}
      {asking && (
        <div role="alertdialog" aria-label="Replace the Action draft?" className="port-confirm">
          <p>
            This hook’s Action draft differs from what porting its code makes now. Replace the
            Action draft? It is kept as a version first if no version holds it.
          </p>
          <div className="port-confirm-buttons">
            <button
              type="button"
              className="button button-small"
              autoFocus
              onClick={() => void port(true)}
            >
              Replace
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => setAsking(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
