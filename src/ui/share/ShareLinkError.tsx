export interface ShareLinkErrorProps {
  message: string | null;
  onDismiss(): void;
}

/** A share link that could not be opened; the current work was left as it was. */
export function ShareLinkError({ message, onDismiss }: ShareLinkErrorProps) {
  if (message === null) return null;
  return (
    <div className="share-bar">
      <p role="alert" className="share-bar-message share-bar-problem">
        {message} Your current work is unchanged.
      </p>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Close
      </button>
    </div>
  );
}
