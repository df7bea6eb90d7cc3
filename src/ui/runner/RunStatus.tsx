import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { IDLE_HINT, outcomeStatusText, selectRun } from '../../store/selectors';
import { useElapsedSeconds } from './useElapsedSeconds';
import { useRunPlatformView } from '../results/useRunPlatformView';
import './runner.css';

/**
 * The one-line state of the run (a live region). The elapsed time sits beside it, outside
 * the live region, so screen readers are not told every tenth of a second.
 */
export function RunStatus() {
  const run = useAppStore(selectRun);
  const view = useRunPlatformView();
  const running = run.status === 'running';
  const elapsed = useElapsedSeconds(run.startedAt, running);
  const tone = run.outcome ? toneOf(run.outcome.status) : 'neutral';

  // The runner column is long (inputs above the results): when a run starts, bring its
  // status into view if it has been scrolled away, so the result is not below the fold.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (run.id > 0) box.current?.scrollIntoView({ block: 'nearest' });
  }, [run.id]);

  return (
    <div ref={box} className={`run-status run-status-${running ? 'running' : tone}`}>
      <span className="run-status-dot" aria-hidden="true" />
      <p role="status" className="run-status-text">
        {running
          ? 'Running…'
          : run.outcome
            ? // The platform's verdict follows the run's own, e.g. "Failed in 12 ms — Signup denied".
              `${outcomeStatusText(run.outcome)}${view.kind === 'signup-denied' ? ' — Signup denied' : ''}`
            : IDLE_HINT}
      </p>
      {running && (
        <span className="run-status-elapsed" aria-hidden="true">
          {elapsed.toFixed(1)} s
        </span>
      )}
      {run.settling && !running && (
        <span className="run-status-elapsed">listening for output after the callback…</span>
      )}
    </div>
  );
}

function toneOf(status: string): 'good' | 'bad' | 'warn' {
  if (status === 'succeeded') return 'good';
  if (status === 'timed-out' || status === 'cancelled') return 'warn';
  return 'bad';
}
