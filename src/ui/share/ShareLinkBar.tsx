import type { CopyShareLinkState } from './useCopyShareLink';
import './share.css';

export interface ShareLinkBarProps {
  state: CopyShareLinkState;
  onDismiss(): void;
}

/** The result of "Copy share link": the link itself (for where the clipboard is unavailable). */
export function ShareLinkBar({ state, onDismiss }: ShareLinkBarProps) {
  if (state.status === 'idle' || state.status === 'working') return null;
  return (
    <div className="share-bar">
      {state.status === 'invalid' ? (
        <p role="alert" className="share-bar-message share-bar-problem">
          {state.message}
        </p>
      ) : (
        <>
          <p role="status" className="share-bar-message">
            {state.status === 'copied'
              ? 'Link copied'
              : `The link could not be copied (${state.reason}); copy it from the box.`}
            {state.withSecrets && (
              <span className="share-bar-warning"> — it contains the secrets in clear text.</span>
            )}
          </p>
          <input
            className="share-bar-link"
            type="text"
            readOnly
            aria-label="Share link"
            value={state.link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Close
      </button>
    </div>
  );
}
