import { useEffect, useState } from 'react';
import { appStore } from '../../store';
import { selectHook } from '../../store/selectors';
import type { Reproduction } from '../../share/reproduction/buildReproduction';
import { loadErrorText } from '../../core/loadOnce';
import { withStoredVersions } from './withStoredVersions';
import './share.css';

type Built =
  | { status: 'working' }
  | { status: 'failed'; reason: string }
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
  const hook = await withStoredVersions(selectHook(state));
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
 * The Reproduction dialog's content, loaded on first use (ReproductionDialog.tsx holds the
 * button and the dialog): a Markdown report of the selected hook and its last run (for a
 * ticket) with a share link that opens the same setup. Secrets and the user's password are
 * redacted unless the user opts in; the report says what was redacted. Mounted while the
 * dialog is open, so every opening starts redacted again.
 */
export function ReproductionReport({ onClose }: { onClose: () => void }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [includePasswords, setIncludePasswords] = useState(false);
  const [built, setBuilt] = useState<Built>({ status: 'working' });
  /** Which options the last request was made with: only its answer is shown. */
  const [request, setRequest] = useState({ secrets: false, passwords: false, n: 0 });

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const reproduction = await build(request.secrets, request.passwords);
        const copied = await copyText(reproduction.markdown);
        if (!current) return;
        const carries = carried(request.secrets, request.passwords);
        setBuilt({ status: 'ready', reproduction, copied, carries });
      } catch (error) {
        if (current) setBuilt({ status: 'failed', reason: loadErrorText(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [request]);

  const make = (secrets: boolean, passwords: boolean) => {
    setBuilt({ status: 'working' });
    setRequest((last) => ({ secrets, passwords, n: last.n + 1 }));
  };
  const reproduction = built.status === 'ready' ? built.reproduction : null;

  return (
    <>
      <div className="dialog-options">
        <label className="check">
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(event) => {
              setIncludeSecrets(event.target.checked);
              make(event.target.checked, includePasswords);
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
              make(includeSecrets, event.target.checked);
            }}
          />
          Include passwords
        </label>
      </div>
      <p role="status" className="dialog-status">
        {built.status === 'working'
          ? 'Preparing the report…'
          : built.status === 'failed'
            ? `The report could not be prepared (${built.reason}). Check the connection and try again.`
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
            <textarea className="dialog-report" readOnly rows={12} value={reproduction.markdown} />
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
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
