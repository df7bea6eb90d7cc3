import { useId, useState } from 'react';
import { useAppStore } from '../../store';
import { hasUserWork } from '../../workspace/hasUserWork';
import { EXAMPLES_BUTTON_ID } from '../examples/ExamplesMenu';
import { NEW_HOOK_BUTTON_ID } from '../hooks/HooksNav';
import { NewHookDialog, preloadNewHookDialog } from '../hooks/lazyNewHookDialog';
import { IMPORT_BUTTON_ID } from '../importExport/ImportExport';
import { shareFragmentOf } from './pastedLink';
import { rememberWelcomeDismissed, welcomeDismissed } from './welcomeDismissed';
import './welcome.css';

/**
 * A first visit's ways in: a new hook, an example, an import, a pasted link. Not modal and
 * never takes the focus; it shows until dismissed (remembered in this browser) and only
 * while the workspace holds no user work, so using a way in also puts it away.
 */
export function Welcome() {
  const firstVisit = useAppStore((state) => !hasUserWork(Object.values(state.hooks)));
  const [dismissed, setDismissed] = useState(welcomeDismissed);
  const [creating, setCreating] = useState(false);
  const [link, setLink] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const problemId = useId();

  const openLink = () => {
    const fragment = shareFragmentOf(link);
    if (fragment === null) {
      setProblem('This is not a Hookpad share link: it has no “#share=” part.');
      return;
    }
    setLink('');
    // Opened as links always are: useOpenShareLink follows the fragment (and removes it).
    location.hash = fragment;
  };

  return (
    <>
      {creating && <NewHookDialog onClose={() => setCreating(false)} />}
      {firstVisit && !dismissed && (
        <section className="welcome" aria-labelledby={titleId}>
          <h2 id={titleId} className="welcome-title">
            Welcome
          </h2>
          <p className="welcome-text">Write and run a hook here. Start from:</p>
          <div className="welcome-ways">
            <button
              type="button"
              className="button button-small"
              onClick={() => setCreating(true)}
              onPointerEnter={preloadNewHookDialog}
              onFocus={preloadNewHookDialog}
            >
              New hook
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => document.getElementById(EXAMPLES_BUTTON_ID)?.click()}
            >
              Open an example
            </button>
            <button
              type="button"
              className="button button-small"
              aria-haspopup="dialog"
              onClick={() => document.getElementById(IMPORT_BUTTON_ID)?.click()}
            >
              Import files
            </button>
          </div>
          <form
            className="welcome-link"
            onSubmit={(event) => {
              event.preventDefault();
              openLink();
            }}
          >
            <input
              type="url"
              className="text-input"
              aria-label="Hookpad link"
              placeholder="Paste a link"
              value={link}
              aria-invalid={problem !== null}
              aria-describedby={problem !== null ? problemId : undefined}
              onChange={(event) => {
                setLink(event.target.value);
                setProblem(null);
              }}
            />
            <button type="submit" className="button button-small">
              Open
            </button>
          </form>
          {problem !== null && (
            <p id={problemId} role="alert" className="field-problem">
              {problem}
            </p>
          )}
          <button
            type="button"
            className="button button-small button-quiet welcome-dismiss"
            onClick={() => {
              rememberWelcomeDismissed();
              setDismissed(true);
              // The focus goes on to what follows the welcome, rather than to the page.
              document.getElementById(NEW_HOOK_BUTTON_ID)?.focus();
            }}
          >
            Dismiss welcome
          </button>
        </section>
      )}
    </>
  );
}
