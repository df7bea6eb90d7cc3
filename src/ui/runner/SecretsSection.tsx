import { useEffect, useRef } from 'react';
import { secretPlaceholder } from '../../core/maskSecrets';
import { appStore, useAppStore } from '../../store';
import { selectHookId, selectSecretRows } from '../../store/selectors';
import { InputSection } from './InputSection';
import { openInputSection } from './inputSections';
import { MAX_SECRETS } from '../../core/inputLimits';
import { afterSandboxStart } from '../../perf/editorReady';
import { LazyPartSlot, lazyPart } from '../common/lazyPart';
import './runner.css';

// The rows (and their checks) are not needed to paint the page.
const { Part: SecretRows, preload } = lazyPart(() =>
  import('./SecretRows').then((module) => module.SecretRows),
);
// Fetched once the editor and then the sandbox are up, so the first opening is instant.
void afterSandboxStart().then(preload);

/**
 * The point's `context.webtask.secrets`: name/value rows. Values are password fields with
 * a reveal toggle for the field itself; the outputs show `<secret:NAME>` instead of a value
 * until "Show secret values" (by the result) is ticked. A value the outputs never mask (too
 * short, a number) says so beside its row. Problems (a missing or repeated name) are
 * explained beside the row, and a run refuses to start until they are fixed, so no row is
 * ever silently left out.
 */
export function SecretsSection() {
  const hookId = useAppStore(selectHookId);
  const rows = useAppStore(selectSecretRows);
  const { addSecret } = appStore.getState();
  const runRefused = useAppStore(
    (state) =>
      state.run.hookId === state.selectedHookId &&
      state.run.outcome?.status === 'not-started' &&
      state.run.outcome.field === 'secrets',
  );
  // A value to type again (not exported) or a refused run needs the rows: show them.
  const needsValue = rows.some((row) => row.notExported);
  useEffect(() => {
    if (runRefused || needsValue) openInputSection('Secrets');
  }, [runRefused, needsValue]);
  const addButton = useRef<HTMLButtonElement>(null);
  /** The row just added, whose name field takes the focus once it is in the page. */
  const focusNext = useRef<string | null>(null);

  return (
    <InputSection
      name="Secrets"
      count={rows.length}
      onPreload={preload}
      className="secrets"
      subtitle={
        <>
          <code>context.webtask.secrets</code> · shown as <code>{secretPlaceholder('NAME')}</code>{' '}
          in the output
        </>
      }
      actions={
        <button
          ref={addButton}
          type="button"
          className="button button-small"
          disabled={rows.length >= MAX_SECRETS}
          onClick={() => {
            focusNext.current = addSecret(hookId);
            openInputSection('Secrets');
          }}
        >
          Add secret
        </button>
      }
    >
      <LazyPartSlot what="The secrets">
        <SecretRows
          hookId={hookId}
          focusNext={focusNext}
          onRemoved={() => addButton.current?.focus()}
        />
      </LazyPartSlot>
    </InputSection>
  );
}
