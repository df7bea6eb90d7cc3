import { useState } from 'react';
import { useAppStore } from '../../store';
import { selectRun } from '../../store/selectors';
import { OutboundList } from '../results/lazyRunViews';
import './outbound.css';

/** Entries rendered before "Show all", as in the console. */
export const OUTBOUND_FOLD = 200;

/**
 * The run's "Outbound requests": every HTTP request the hook made (and who answered it: a
 * mock, the network, or nobody) and every call of an auto-mocked module, in order.
 */
export function OutboundRequestsView() {
  const run = useAppStore(selectRun);
  const [expandedRun, setExpandedRun] = useState<number | null>(null);
  const { requests, hookId } = run;
  const expanded = expandedRun === run.id;
  const shown = expanded ? requests : requests.slice(0, OUTBOUND_FOLD);

  return (
    <section className="result outbound" aria-label="Outbound requests">
      <h2 className="result-title">
        Outbound requests
        {requests.length > 0 && (
          <span className="count"> ({requests.length + run.droppedRequests})</span>
        )}
      </h2>
      {requests.length === 0 || hookId === null ? (
        <p className="empty">
          {run.status === 'idle'
            ? 'The HTTP requests your hook makes (fetch, axios, request, http/https, got, slack-notify) appear here with who answered them — a mock, the network, or nobody — and so do the calls of auto-mocked modules.'
            : run.status === 'running'
              ? 'No outbound requests yet.'
              : 'The hook made no outbound requests.'}
        </p>
      ) : (
        <OutboundList entries={shown} hookId={hookId} mocks={run.network.mocks} />
      )}
      {!expanded && requests.length > OUTBOUND_FOLD && (
        <button type="button" className="button" onClick={() => setExpandedRun(run.id)}>
          Show all ({requests.length})
        </button>
      )}
      {run.droppedRequests > 0 && (
        <p className="notice">
          {run.droppedRequests} more requests were not kept; Hookpad keeps the first{' '}
          {requests.length}.
        </p>
      )}
    </section>
  );
}
