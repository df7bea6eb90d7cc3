import { appStore, useAppStore } from '../../store';

/** What the package store is doing, or what its last task did (an error stays until dismissed). */
export function PackageNotice() {
  const busy = useAppStore((state) => state.packages.busy);
  const notice = useAppStore((state) => state.packages.notice);
  if (busy !== null) {
    return (
      <p role="status" className="field-note package-busy">
        {busy}
      </p>
    );
  }
  if (notice === null) return <p role="status" className="visually-hidden" />;
  const body = (
    <>
      <p>{notice.message}</p>
      {notice.details.length > 0 && (
        <ul className="package-notice-details">
          {notice.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => appStore.getState().dismissPackageNotice()}
      >
        Dismiss
      </button>
    </>
  );
  return notice.kind === 'error' ? (
    <div role="alert" className="package-notice package-notice-error">
      {body}
    </div>
  ) : (
    <div role="status" className="package-notice">
      {body}
    </div>
  );
}
