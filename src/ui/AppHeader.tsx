import { PointPicker } from './PointPicker';
import { RunButton } from './RunButton';

export interface AppHeaderProps {
  onCopyShareLink(): void;
  copyingShareLink: boolean;
}

export function AppHeader({ onCopyShareLink, copyingShareLink }: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-title">
        <img src="/favicon.svg" alt="" width="20" height="20" />
        Hookpad
      </h1>
      <PointPicker />
      <div className="header-actions">
        <button
          type="button"
          className="button"
          onClick={onCopyShareLink}
          disabled={copyingShareLink}
          title="Copy a link that opens this point's code, payload and timeout"
        >
          Copy share link
        </button>
        <RunButton />
      </div>
    </header>
  );
}
