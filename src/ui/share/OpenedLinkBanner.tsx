import { appStore, useAppStore } from '../../store';
import type { OpenedLink } from './useOpenShareLink';
import './share.css';

export interface OpenedLinkBannerProps {
  opened: OpenedLink | null;
  onDismiss(): void;
}

/**
 * After a share link opens: which hook it became, what the link left out (so a failing run
 * is not blamed on the hook), and a way to run it at once.
 */
export function OpenedLinkBanner({ opened, onDismiss }: OpenedLinkBannerProps) {
  const name = useAppStore((state) => (opened ? state.hooks[opened.hookId]?.name : undefined));
  if (!opened || name === undefined) return null;
  const runIt = () => {
    const state = appStore.getState();
    state.selectHook(opened.hookId);
    state.startRun();
  };
  return (
    <section className="share-bar opened-link" aria-label="Opened from a link">
      <div className="share-bar-message">
        <p>
          Opened from a link: <strong>{name}</strong>
          {opened.reopened ? ' (opened before: this is the hook it made then)' : ''}
        </p>
        <p>
          {opened.leftOut.length === 0
            ? 'The link left nothing out.'
            : `The link left out ${opened.leftOut.join(' and ')}; fill them in before running.`}
        </p>
      </div>
      <button type="button" className="button" onClick={runIt}>
        Run this hook
      </button>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
