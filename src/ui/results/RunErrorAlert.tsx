import { useState, type ReactNode } from 'react';
import { missingModuleHeadline, missingModuleOf } from '../../core/missingModule';
import type { PlatformView } from '../../core/platformView';
import { appStore, useAppStore } from '../../store';
import type { ShownOutcome } from '../../workspace/run/runState';
import { runDenial, selectRun } from '../../store/selectors';
import { CodeLocationButton } from '../common/CodeLocationButton';
import { openInputSection } from '../runner/inputSections';
import { FAILURE_KIND_TEXT } from './describeFailure';
import { useRunPlatformView } from './useRunPlatformView';
import { useRunSecretMask, type Mask } from '../common/useSecretMask';
import './results.css';

/**
 * A failed run in words: what happened, the error's message, and where (a button that
 * moves the cursor there), and what the platform makes of it (a denied signup and the
 * message its user sees, the token endpoint's OAuth answer). Only failures get an alert; a
 * deliberate denial is shown the same way without one, and timeouts and cancels are statuses.
 */
export function RunErrorAlert() {
  const run = useAppStore(selectRun);
  const view = useRunPlatformView();
  const mask = useRunSecretMask();
  if (run.status !== 'done' || !run.outcome || !run.hookId) return null;
  return (
    <OutcomeAlert
      key={run.id}
      outcome={run.outcome}
      hookId={run.hookId}
      view={view}
      mask={mask}
      denied={runDenial(run) !== null}
    />
  );
}

interface OutcomeAlertProps {
  outcome: ShownOutcome;
  hookId: string;
  view: PlatformView;
  mask: Mask;
  /** The hook called back with its point's error class: an outcome, not a failure. */
  denied: boolean;
}

function OutcomeAlert({ outcome, hookId, view, mask, denied }: OutcomeAlertProps) {
  switch (outcome.status) {
    case 'failed': {
      const { error } = outcome;
      const missingModule = missingModuleOf(error);
      const friendly = view.kind === 'signup-denied' ? view.friendlyMessage : error.friendlyMessage;
      const Box = denied ? DenialBox : AlertBox;
      return (
        <Box>
          <p className="run-alert-kind">
            {denied
              ? `The hook denied the request with ${error.name}.`
              : missingModule !== undefined
                ? missingModuleHeadline(missingModule)
                : view.kind === 'signup-denied'
                  ? `${FAILURE_KIND_TEXT[outcome.kind]} The platform denies the signup.`
                  : FAILURE_KIND_TEXT[outcome.kind]}
          </p>
          <p className="run-alert-message">
            {error.name}: {mask(error.message)}
          </p>
          {view.kind === 'oauth-error' && (
            <section className="run-alert-platform" aria-label="Token endpoint answer">
              <p>The token endpoint answers:</p>
              <code className="oauth-answer">
                {view.status} {mask(JSON.stringify(view.body))}
              </code>
            </section>
          )}
          {friendly !== undefined &&
            (view.kind === 'signup-denied' ? (
              <section className="run-alert-platform" aria-label="Message to the user">
                <p>
                  Message to the user: <q>{mask(friendly)}</q>
                </p>
              </section>
            ) : (
              <p>
                Message shown to the user: <q>{mask(friendly)}</q>
              </p>
            ))}
          {error.location && <CodeLocationButton hookId={hookId} location={error.location} />}
          {missingModule !== undefined && (
            <MissingModuleActions
              hookId={hookId}
              name={missingModule}
              range={
                outcome.requires?.findLast((request) => request.name === missingModule)?.version
              }
            />
          )}
          {error.stack && !denied && (
            <details className="run-alert-stack">
              <summary>Stack trace</summary>
              <pre>{mask(error.stack)}</pre>
            </details>
          )}
        </Box>
      );
    }
    case 'not-started':
      return (
        <div role="alert" className="run-alert">
          <p className="run-alert-kind">The hook did not run.</p>
          <p className="run-alert-message">{outcome.message}</p>
        </div>
      );
    case 'crashed':
      return (
        <div role="alert" className="run-alert">
          <p className="run-alert-kind">The sandbox crashed, probably out of memory.</p>
          <p className="run-alert-message">{outcome.message}</p>
          <p>Your code and payload are safe; the next run starts a fresh sandbox.</p>
        </div>
      );
    default:
      return null;
  }
}

const AlertBox = ({ children }: { children: ReactNode }) => (
  <div role="alert" className="run-alert">
    {children}
  </div>
);

/** A denial is what the hook meant to do: no alert, neutral colours. */
const DenialBox = ({ children }: { children: ReactNode }) => (
  <section className="run-alert run-denial" aria-label="Denial">
    {children}
  </section>
);

/**
 * The three ways to give a hook a module Hookpad does not have: its real package from npm
 * (stored, in the Dependencies section), a module mock (code the user writes, in the Modules
 * section) or an auto-mock (a recording proxy). Each applies from the next run.
 */
function MissingModuleActions({
  hookId,
  name,
  range,
}: {
  hookId: string;
  name: string;
  /** The version the require pinned, if it did. */
  range: string | undefined;
}) {
  const [added, setAdded] = useState<'mock' | 'auto' | null>(null);
  const canFetch = useAppStore(
    (state) => state.packages.busy === null && state.packages.status === 'ready',
  );
  const fetchFromNpm = () => {
    const state = appStore.getState();
    const declared = state.hooks[hookId]?.draft.dependencies[name];
    openInputSection('Dependencies');
    void state.fetchPackages([{ name, range: range ?? declared ?? 'latest' }]);
  };
  const addModuleMock = () => {
    const state = appStore.getState();
    state.addModuleMock(hookId, name);
    // The Modules section shows the selected hook's settings.
    state.selectHook(hookId);
    setAdded('mock');
    openInputSection('Modules');
    requestAnimationFrame(() => focusModulesRegion(name));
  };
  const addAutoMock = () => {
    appStore.getState().addAutoMock(hookId, name);
    setAdded('auto');
  };
  return (
    <div className="run-alert-actions">
      <button
        type="button"
        className="button button-small"
        disabled={!canFetch}
        onClick={fetchFromNpm}
      >
        Fetch from npm
      </button>
      <button type="button" className="button button-small" onClick={addModuleMock}>
        Add module mock
      </button>
      <button type="button" className="button button-small" onClick={addAutoMock}>
        Auto-mock
      </button>
      {added !== null && (
        <span className="run-alert-done">
          {added === 'mock'
            ? `Module mock for '${name}' added — write its module.exports, then run again.`
            : `'${name}' is auto-mocked — run again to record its calls.`}
        </span>
      )}
    </div>
  );
}

/** Brings the Modules section into view, with the focus on the module's row if it has one. */
function focusModulesRegion(name: string) {
  const region = document.querySelector<HTMLElement>('[aria-label="Modules"]');
  if (!region) return;
  const nameInput = [
    ...region.querySelectorAll<HTMLInputElement>('input[type="text"], input:not([type])'),
  ].find((input) => input.value === name);
  const target = nameInput ?? region;
  if (!nameInput && !region.hasAttribute('tabindex')) region.tabIndex = -1;
  target.scrollIntoView({ block: 'nearest' });
  target.focus();
}
