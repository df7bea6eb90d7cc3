import { useMemo, useState, type RefObject } from 'react';
import { MIN_MASKED_LENGTH, unmaskedReason } from '../../core/maskSecrets';
import { appStore, useAppStore } from '../../store';
import { secretProblems } from '../../workspace/draft/secrets';
import { selectSecretRows } from '../../store/selectors';
import { MAX_SECRETS } from '../../core/inputLimits';
import { LimitNote } from '../common/LimitNote';
import { ShowMoreRows } from '../common/ShowMoreRows';
import { useShownRows } from '../common/useShownRows';
import './runner.css';

interface SecretRowsProps {
  hookId: string;
  /** The row just added, whose name field takes the focus once it is in the page. */
  focusNext: RefObject<string | null>;
  /** A removed row gives the focus back (to "Add secret"). */
  onRemoved(): void;
}

/** The Secrets section's rows, loaded when the section first opens. */
export function SecretRows({ hookId, focusNext, onRemoved }: SecretRowsProps) {
  const rows = useAppStore(selectSecretRows);
  const revealedIds = useAppStore((state) => state.revealedSecretIds);
  const { setSecretName, setSecretValue, removeSecret, toggleSecretReveal } = appStore.getState();
  const problems = useMemo(
    () => new Map(secretProblems(rows).map((problem) => [problem.rowId, problem.message])),
    [rows],
  );
  // A new row's missing name is not a problem yet: only once the user has left the name
  // field, typed a value, or a run was refused because of the secrets.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const runRefused = useAppStore(
    (state) =>
      state.run.hookId === state.selectedHookId &&
      state.run.outcome?.status === 'not-started' &&
      state.run.outcome.field === 'secrets',
  );
  const { shown, showMore } = useShownRows(rows.length, hookId);
  return (
    <>
      {rows.length === 0 ? (
        <p className="field-note">No secrets for this point.</p>
      ) : (
        <ul className="secret-rows">
          {rows.slice(0, shown).map((row) => {
            const revealed = revealedIds.has(row.id);
            const shown = runRefused || touched.has(row.id) || row.value !== '' || row.name !== '';
            const problem = shown ? problems.get(row.id) : undefined;
            const problemId = `secret-problem-${row.id}`;
            const unmasked = unmaskedNote(row.name.trim(), row.value);
            const unmaskedId = `secret-unmasked-${row.id}`;
            const describedBy = [
              row.notExported ? `secret-missing-${row.id}` : '',
              unmasked ? unmaskedId : '',
            ].filter(Boolean);
            return (
              <li key={row.id} className="secret-row">
                <input
                  ref={(element) => {
                    if (element && focusNext.current === row.id) {
                      focusNext.current = null;
                      element.focus();
                    }
                  }}
                  type="text"
                  className="secret-name"
                  aria-label="Secret name"
                  placeholder="NAME"
                  value={row.name}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={problem !== undefined}
                  aria-describedby={problem ? problemId : undefined}
                  onChange={(event) => setSecretName(hookId, row.id, event.target.value)}
                  onBlur={() => {
                    if (!touched.has(row.id)) setTouched(new Set(touched).add(row.id));
                  }}
                />
                <input
                  type={revealed ? 'text' : 'password'}
                  className="secret-value"
                  aria-label="Secret value"
                  placeholder={row.notExported ? 'value not exported' : 'value'}
                  aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
                  value={row.value}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => setSecretValue(hookId, row.id, event.target.value)}
                />
                <button
                  type="button"
                  className="button button-small button-icon"
                  aria-pressed={revealed}
                  aria-label={revealed ? 'Hide value' : 'Show value'}
                  title={revealed ? 'Hide the value in this field' : 'Show the value in this field'}
                  onClick={() => toggleSecretReveal(row.id)}
                >
                  <EyeIcon crossed={revealed} />
                </button>
                <button
                  type="button"
                  className="button button-small button-icon"
                  aria-label="Remove secret"
                  title="Remove this secret"
                  onClick={() => {
                    removeSecret(hookId, row.id);
                    onRemoved();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
                {problem && (
                  <p id={problemId} className="field-note field-note-problem secret-problem">
                    {problem}
                  </p>
                )}
                {unmasked && (
                  <p id={unmaskedId} className="field-note secret-problem">
                    {unmasked}
                  </p>
                )}
                {row.notExported && (
                  <p id={`secret-missing-${row.id}`} className="field-note secret-problem">
                    Value not exported: the export or link hid it. Type the value to use it.
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ShowMoreRows shown={shown} total={rows.length} what="secrets" onMore={showMore} />
      <LimitNote what="Secrets" count={rows.length} limit={MAX_SECRETS} />
    </>
  );
}

/** Why the outputs show this value as it is, or null when they mask it. */
function unmaskedNote(name: string, value: string): string | null {
  const whose = name === '' ? 'This value' : `${name}’s value`;
  switch (unmaskedReason(value)) {
    case 'too-short':
      return `${whose} is too short to mask (under ${MIN_MASKED_LENGTH} characters): the output shows it as is.`;
    case 'number':
      return `${whose} is a number, which is never masked: the output shows it as is.`;
    case 'boolean':
      return `${whose} is a boolean, which is never masked: the output shows it as is.`;
    default:
      return null;
  }
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M1 8s2.5-4.5 7-4.5S15 8 15 8s-2.5 4.5-7 4.5S1 8 1 8z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
      <circle cx="8" cy="8" r="2" fill="currentColor" />
      {crossed && <path d="M2.5 13.5l11-11" stroke="currentColor" strokeWidth="1.5" />}
    </svg>
  );
}
