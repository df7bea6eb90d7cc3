import { memo } from 'react';
import type { HttpMock, OutboundEntry } from '../../core/networkSchemas';
import { appStore } from '../../store';
import { selectHookId } from '../../store/selectors';
import { CodeLocationButton } from '../common/CodeLocationButton';
import {
  describeAnswer,
  describeResult,
  formatBody,
  formatHeaders,
  formatMs,
} from './formatOutbound';
import { useRunSecretMask, type Mask } from '../common/useSecretMask';
import { requestMockFocus } from './mockFocus';
import { requestResultFocus } from './resultFocus';

interface OutboundListProps {
  entries: readonly OutboundEntry[];
  /** The hook that made the requests (the run's). */
  hookId: string;
  /** The run's HTTP mocks, which say who answered. */
  mocks: readonly HttpMock[];
}

/** A run's outbound requests, one entry each: shown only after a run, so loaded lazily. */
export function OutboundList({ entries, hookId, mocks }: OutboundListProps) {
  const mask = useRunSecretMask();
  return (
    <ol className="outbound-list">
      {entries.map((entry) => (
        <OutboundItem key={entry.seq} entry={entry} hookId={hookId} mocks={mocks} mask={mask} />
      ))}
    </ol>
  );
}

interface OutboundItemProps {
  entry: OutboundEntry;
  hookId: string;
  mocks: readonly HttpMock[];
  mask: Mask;
}

const OutboundItem = memo(function OutboundItem({ entry, hookId, mocks, mask }: OutboundItemProps) {
  const meta = (
    <span className="outbound-meta">
      <span className="badge">{entry.client}</span>
      {entry.durationMs !== undefined && (
        <span className="outbound-duration">{formatMs(entry.durationMs)}</span>
      )}
      {entry.afterCallback && <span className="badge badge-after">after callback</span>}
      {entry.location && (
        <CodeLocationButton hookId={hookId} location={entry.location} prefix="line" />
      )}
    </span>
  );

  if (entry.kind === 'sdk') {
    return (
      <li className="outbound-entry outbound-sdk">
        <div className="outbound-line">
          <span className="badge badge-answer-sdk">auto-mock</span>
          <code className="outbound-call">{mask(entry.call ?? entry.client)}</code>
          {meta}
        </div>
        {entry.callPath !== undefined && (
          <SdkCallPath hookId={hookId} path={entry.callPath} rule={entry.resultRule} />
        )}
        {entry.args !== undefined && entry.args.length > 0 && (
          <details className="outbound-details">
            <summary>Arguments</summary>
            <pre className="json">{mask(JSON.stringify(entry.args, null, 2))}</pre>
          </details>
        )}
      </li>
    );
  }

  const failed = entry.error !== undefined || (entry.status ?? 0) >= 400;
  const url = entry.url;
  return (
    <li className={`outbound-entry outbound-${entry.answeredBy}`}>
      <div className="outbound-line">
        <span className="outbound-method">{entry.method ?? 'GET'}</span>
        <span className="outbound-url">{mask(entry.url ?? '')}</span>
        {meta}
      </div>
      <div className="outbound-answer">
        <span className={`badge badge-answer-${entry.answeredBy}`}>
          {describeAnswer(entry, mocks)}
        </span>
        <span className={failed ? 'outbound-result outbound-failed' : 'outbound-result'}>
          {mask(describeResult(entry))}
        </span>
        {entry.answeredBy === 'blocked' && url !== undefined && (
          <button
            type="button"
            className="button button-small outbound-mock"
            title="Add an HTTP mock for this method and URL (200, empty body)"
            onClick={() => mockRequest(hookId, entry.method, url)}
          >
            Mock this request
          </button>
        )}
      </div>
      <details className="outbound-details">
        <summary>Request and response</summary>
        <Message
          title="Request"
          headers={entry.requestHeaders}
          body={entry.requestBody}
          mask={mask}
        />
        <Message
          title="Response"
          headers={entry.responseHeaders}
          body={entry.responseBody}
          mask={mask}
          none={entry.error === undefined ? undefined : 'No response.'}
        />
      </details>
    </li>
  );
});

/**
 * Adds (or finds) the mock answering this refused request in the hook that made it, shows
 * that hook, and puts the focus on the mock's URL so the body can be filled in next.
 */
function mockRequest(hookId: string, method: string | undefined, url: string): void {
  const state = appStore.getState();
  const mockId = state.addHttpMockFor(hookId, { method, url });
  if (mockId === null) return;
  if (selectHookId(state) !== hookId) state.selectHook(hookId);
  requestMockFocus(mockId);
}

/**
 * The call's path (the syntax of auto-mock results), which result answered it, and "Set
 * result": a rule for exactly this path, its Result box focused.
 */
function SdkCallPath({
  hookId,
  path,
  rule,
}: {
  hookId: string;
  path: string;
  rule: string | undefined;
}) {
  return (
    <div className="outbound-answer">
      <span className="outbound-result">
        Call path <code>{path}</code>
        {rule === undefined ? ' resolved to {}' : ' answered by the result for '}
        {rule !== undefined && <code>{rule}</code>}
      </span>
      <button
        type="button"
        className="button button-small outbound-mock"
        aria-label={`Set result for ${path}`}
        title="Set what this call resolves to (an auto-mock result for its path)"
        onClick={() => setResult(hookId, path)}
      >
        Set result
      </button>
    </div>
  );
}

/** Adds (or finds) the result rule for this call path in the hook that made the call. */
function setResult(hookId: string, path: string): void {
  const state = appStore.getState();
  const index = state.addAutoMockResult(hookId, path);
  if (selectHookId(state) !== hookId) state.selectHook(hookId);
  // At the limit nothing is added: the opened list says why.
  requestResultFocus(hookId, index);
}

interface MessageProps {
  title: string;
  headers: Record<string, string> | undefined;
  body: string | undefined;
  mask: Mask;
  /** Shown instead when there is neither headers nor a body. */
  none?: string;
}

function Message({ title, headers, body, mask, none }: MessageProps) {
  const hasHeaders = headers !== undefined && Object.keys(headers).length > 0;
  const hasBody = body !== undefined && body !== '';
  return (
    <div className="outbound-message">
      <h3 className="outbound-message-title">{title}</h3>
      {!hasHeaders && !hasBody && <p className="empty">{none ?? 'No headers, no body.'}</p>}
      {hasHeaders && <pre className="outbound-headers">{mask(formatHeaders(headers))}</pre>}
      {hasBody && <pre className="json outbound-body">{mask(formatBody(body))}</pre>}
    </div>
  );
}
