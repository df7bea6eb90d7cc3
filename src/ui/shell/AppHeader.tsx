import { ExamplesMenu } from '../examples/ExamplesMenu';
import { ReproductionButton } from '../share/ReproductionDialog';
import { RunButton } from '../runner/RunButton';
import './header.css';

export interface AppHeaderProps {
  onCopyShareLink(): void;
  copyingShareLink: boolean;
  includeSecrets: boolean;
  onIncludeSecretsChange(include: boolean): void;
}

export function AppHeader({
  onCopyShareLink,
  copyingShareLink,
  includeSecrets,
  onIncludeSecretsChange,
}: AppHeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-title">
        <img src="/favicon.svg" alt="" width="20" height="20" />
        Hookpad
      </h1>
      <ExamplesMenu />
      <div className="header-actions">
        <label
          className="check"
          title="Put this hook's secret values in the link, readable by anyone who has it"
        >
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(event) => onIncludeSecretsChange(event.target.checked)}
          />
          Include secrets
        </label>
        <button
          type="button"
          className="button"
          onClick={onCopyShareLink}
          disabled={copyingShareLink}
          title="Copy a link that opens this hook's code, payload, mocks and timeout (and its secret values, if ticked)"
        >
          Copy share link
        </button>
        <ReproductionButton />
        <RunButton />
      </div>
    </header>
  );
}
