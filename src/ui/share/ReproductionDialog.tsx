import { useEffect, useId, useRef, useState } from 'react';
import { appStore } from '../../store';
import { selectHook } from '../../store/selectors';
import type { Reproduction } from '../../share/reproduction/buildReproduction';
import './share.css';

type Built =
  | { status: 'working' }
  | { status: 'ready'; reproduction: Reproduction; copied: boolean; carries: string[] };

/** What a report made with these options holds in clear text, for its copy's status line. */
function carried(includeSecrets: boolean, includePasswords: boolean): string[] {
  return [
    ...(includeSecrets ? ['secret values'] : []),
    ...(includePasswords ? ['the user’s password'] : []),
  ];
}

/** The last run, when it ran the selected hook. */
function runOfSelectedHook() {
  const state = appStore.getState();
  return state.run.hookId === state.selectedHookId && state.run.status !== 'idle'
    ? state.run
    : null;
}

async function build(includeSecrets: boolean, includePasswords: boolean): Promise<Reproduction> {
  const { buildReproduction } = await import('../../share/reproduction/buildReproduction');
  const state = appStore.getState();
  const hook = selectHook(state);
  return buildReproduction({
    hook: { name: hook.name, pointId: hook.pointId, draft: hook.draft, tests: hook.tests },
    timeoutMs: state.timeoutMs,
    run: runOfSelectedHook(),
    includeSecrets,
    includePasswords,
    pageUrl: location.href,
    appVersion: __HOOKPAD_VERSION__,
  });
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Copy reproduction": a Markdown report of the selected hook and its last run (for a
 * ticket) with a share link that opens the same setup. Secrets and the user's password are
 * redacted unless the user opts in; the report says what was redacted.
 */
export function ReproductionButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [includePasswords, setIncludePasswords] = useState(false);
  const [built, setBuilt] = useState<Built | null>(null);
  const titleId = useId();

  const make = async (secrets: boolean, passwords: boolean) => {
    setBuilt({ status: 'working' });
    const reproduction = await build(secrets, passwords);
    const copied = await copyText(reproduction.markdown);
    setBuilt({ status: 'ready', reproduction, copied, carries: carried(secrets, passwords) });
  };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // One choice per copy: the next report is redacted again unless the user opts in anew.
    const onClose = () => {
      setBuilt(null);
      setIncludeSecrets(false);
      setIncludePasswords(false);
    };
    element.addEventListener('close', onClose);
    return () => element.removeEventListener('close', onClose);
  }, []);

  const open = () => {
    dialog.current?.showModal();
    void make(includeSecrets, includePasswords);
  };
  const reproduction = built?.status === 'ready' ? built.reproduction : null;

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={open}
        title="Copy a Markdown report of this hook and its last run, with a link that reproduces the setup"
      >
        Copy reproduction
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <h2 id={titleId} className="dialog-title">
          Reproduction
        </h2>
        <div className="dialog-options">
          <label className="check">
            <input
              type="checkbox"
              checked={includeSecrets}
              onChange={(event) => {
                setIncludeSecrets(event.target.checked);
                void make(event.target.checked, includePasswords);
              }}
            />
            Include secret values
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={includePasswords}
              onChange={(event) => {
                setIncludePasswords(event.target.checked);
                void make(includeSecrets, event.target.checked);
              }}
            />
            Include passwords
          </label>
        </div>
        <p role="status" className="dialog-status">
          {built === null || built.status === 'working'
            ? 'Preparing the report…'
            : (built.copied
                ? 'Report copied to the clipboard.'
                : 'The clipboard refused the report; copy it from the box below.') +
              (built.carries.length > 0
                ? ` It contains ${built.carries.join(' and ')} in clear text.`
                : '')}
        </p>
        {reproduction && (
          <>
            <div className="dialog-redactions">
              <h3>Redacted</h3>
              {reproduction.redactions.length === 0 ? (
                <p>Nothing was redacted.</p>
              ) : (
                <ul aria-label="Redactions">
                  {reproduction.redactions.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              {reproduction.warnings.map((line) => (
                <p key={line} className="share-bar-warning">
                  {line}
                </p>
              ))}
            </div>
            <label className="dialog-field">
              Reproduction link
              <input
                className="share-bar-link"
                readOnly
                value={reproduction.link}
                onFocus={(event) => event.currentTarget.select()}
              />
            </label>
            <label className="dialog-field">
              Reproduction report
              <textarea
                className="dialog-report"
                readOnly
                rows={12}
                value={reproduction.markdown}
              />
            </label>
          </>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            disabled={!reproduction}
            onClick={() => reproduction && void copyText(reproduction.markdown)}
          >
            Copy report
          </button>
          <button
            type="button"
            className="button"
            disabled={!reproduction?.link}
            onClick={() => reproduction && void copyText(reproduction.link)}
          >
            Copy link
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => dialog.current?.close()}
          >
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
