import { memo } from 'react';
import { getPoint } from '../../core/points';
import { useRunRenderedMeasure } from '../../perf/useRunRenderedMeasure';
import { useAppStore } from '../../store';
import { selectHookId, selectPointId } from '../../store/selectors';
import { AccessTokenClaimsView } from '../results/AccessTokenClaimsView';
import { ConsoleView } from '../results/ConsoleView';
import { DependenciesView } from '../network/DependenciesView';
import {
  ApiCallsView,
  EnvelopeView,
  HookVsAction,
  RequiredModules,
  RunErrorAlert,
} from '../results/lazyRunViews';
import { HttpMocksEditor } from '../network/HttpMocksEditor';
import { MergedUserView } from '../results/MergedUserView';
import { ModulesEditor } from '../network/ModulesEditor';
import { OutboundRequestsView } from '../network/OutboundRequestsView';
import { PayloadPane } from './PayloadPane';
import { ResponseView } from '../results/ResponseView';
import { ResultTabs } from '../results/ResultTabs';
import { RunBothButton } from '../compare/RunBothButton';
import { RunStatus } from './RunStatus';
import { SecretsSection } from './SecretsSection';
import { SecretValuesToggle } from '../results/SecretValuesToggle';
import { StorageSection } from './StorageSection';
import { TimeoutField } from './TimeoutField';
import { TimeoutNote } from './TimeoutNote';
import { TestsSection } from '../tests/TestsSection';
import './runner.css';

/**
 * Right side: the inputs of a run (payload and timeout, then secrets, storage, HTTP mocks,
 * modules and dependencies as sections that open on demand), then its result. Each part
 * scrolls on its own and the inputs take at most part of the height, so the run status and
 * the start of the result are in view when a run ends, whatever the inputs; the hook's
 * tests fold under the result. The Result tab
 * shows everything about the run at once; the Envelope tab shows the HTTP answer the
 * platform would send.
 */
export function RunnerPanel() {
  return (
    <div className="runner">
      <RunInputs />
      <RunResults />
      <TestsSection />
    </div>
  );
}

/** The inputs do not depend on the run: a run's start and end do not render them again. */
const RunInputs = memo(function RunInputs() {
  return (
    <div className="run-inputs">
      <PayloadPane />
      <div className="run-settings">
        <TimeoutField />
        <RunBothButton />
      </div>
      <SecretsSection />
      <StorageSection />
      <HttpMocksEditor />
      <ModulesEditor />
      <DependenciesView />
    </div>
  );
});

/**
 * Reads only what its own markup needs of the run (each result view subscribes to its own
 * part), so console output arriving or the grace period ending does not render it again.
 */
function RunResults() {
  const hookId = useAppStore(selectHookId);
  const runId = useAppStore((state) => state.run.id);
  const runHookName = useAppStore((state) =>
    state.run.hookId === null ? null : (state.hooks[state.run.hookId]?.name ?? 'a deleted hook'),
  );
  const runHookId = useAppStore((state) => state.run.hookId);
  const pointId = useAppStore(selectPointId);
  const runPoint = useAppStore((state) => state.run.point);
  const shownPoint = getPoint(runPoint ?? pointId);
  const outcome = useAppStore((state) => state.run.outcome);
  useRunRenderedMeasure(outcome);

  return (
    <div className="run-results">
      <RunStatus />
      {runHookId !== null && runHookId !== hookId && (
        <p className="run-note">Results of the last run, of {runHookName}.</p>
      )}
      <SecretValuesToggle />
      <HookVsAction />
      <ResultTabs
        label="Run result"
        // Each run shows its Result first, when it starts and again when it settles.
        resetKey={`${runId}:${outcome === null ? 'pending' : 'settled'}`}
        tabs={[
          {
            id: 'result',
            label: 'Result',
            keepMounted: true,
            panel: (
              <div className="result-stack">
                <TimeoutNote />
                <RunErrorAlert />
                {/* What the platform makes of the response matters most, so it comes first. */}
                {shownPoint.responseUse === 'merged-user' && <MergedUserView />}
                {shownPoint.responseUse === 'access-token-claims' && <AccessTokenClaimsView />}
                <ApiCallsView />
                <ResponseView />
                <RequiredModules />
                <ConsoleView />
                <OutboundRequestsView />
              </div>
            ),
          },
          { id: 'envelope', label: 'Envelope', panel: <EnvelopeView /> },
        ]}
      />
    </div>
  );
}
