import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { runDenial, runStatusText, selectEditedSinceRun, selectRun } from '../../store/selectors';
import { useElapsedSeconds } from './useElapsedSeconds';
import { useFullyInView } from './useFullyInView';
import './runner.css';

/**
 * The one-line state of the run (a live region). The elapsed time sits beside it, outside
 * the live region, so screen readers are not told every tenth of a second. A deliberate
 * denial is an outcome, so it is neutral; an edit after the run says the result is outdated.
 */
export function RunStatus() {
  const run = useAppStore(selectRun);
  const edited = useAppStore(selectEditedSinceRun);
  const running = run.status === 'running';
  const elapsed = useElapsedSeconds(run.startedAt, running);
  const tone = !run.outcome || runDenial(run) !== null ? 'neutral' : toneOf(run.outcome.status);

  // When a run starts and when it ends, bring its status (and so the start of the result,
  // just below it) into view if the results or the page were scrolled away from it. Only
  // then: scrollIntoView lays the page out at once, and this effect runs in the same task
  // as the run's start (before the sandbox's answer can be handled) and its result.
  const box = useRef<HTMLDivElement>(null);
  const inView = useFullyInView(box);
  const settled = run.outcome !== null;
  useEffect(() => {
    if (run.id > 0 && !inView.current) box.current?.scrollIntoView({ block: 'nearest' });
  }, [run.id, settled, inView]);

  return (
    <div ref={box} className={`run-status run-status-${running ? 'running' : tone}`}>
      <span className="run-status-dot" aria-hidden="true" />
      <p role="status" className="run-status-text">
        {runStatusText(run)}
      </p>
      {edited && <span className="run-status-edited">Edited since this run</span>}
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
