import { useEffect, useId, useRef } from 'react';
import type { HttpMock } from '../../core/networkSchemas';
import { compileUrlPattern } from '../../core/network/matchUrlPattern';
import { appStore, useAppStore } from '../../store';
import { HTTP_MOCK_METHODS } from '../../workspace/draft/network';
import { onMockFocusRequest, takeMockFocus } from './mockFocus';
import { selectHook } from '../../store/selectors';
import { NetworkSwitch } from './NetworkSwitch';
import { NumberField } from './NumberField';
import { ChunksField } from './ChunksField';
import { MAX_HTTP_MOCKS } from '../../core/inputLimits';
import { LimitNote } from '../common/LimitNote';
import { ShowMoreRows } from '../common/ShowMoreRows';
import { useShownRows } from '../common/useShownRows';
import './network.css';

const MAX_DELAY_MS = 60_000;

interface HttpMocksBodyProps {
  hookId: string;
  /** A removed row gives the focus back (to "Add mock"). */
  onRemoved(): void;
}

/** The HTTP mocks section's rows and network switch, loaded when the section first opens. */
export function HttpMocksBody({ hookId, onRemoved }: HttpMocksBodyProps) {
  const mocks = useAppStore((state) => selectHook(state).draft.network.mocks);
  const allowNetwork = useAppStore((state) => selectHook(state).draft.network.allowNetwork);
  const { shown, showMore } = useShownRows(mocks.length, hookId);
  return (
    <>
      {mocks.length === 0 ? (
        <p className="field-note">
          No mocks for this point.{' '}
          {allowNetwork
            ? 'Requests the hook makes go out to the network.'
            : 'Requests the hook makes fail like a refused connection (ECONNREFUSED), as if nothing listened; add a mock to answer them.'}
        </p>
      ) : (
        <ol className="mock-rows">
          {mocks.slice(0, shown).map((mock, index) => (
            <MockRow
              key={mock.id}
              hookId={hookId}
              mock={mock}
              position={index}
              count={mocks.length}
              onRemoved={onRemoved}
            />
          ))}
        </ol>
      )}
      <ShowMoreRows shown={shown} total={mocks.length} what="mocks" onMore={showMore} />
      <LimitNote what="HTTP mocks" count={mocks.length} limit={MAX_HTTP_MOCKS} />
      <NetworkSwitch />
    </>
  );
}

interface MockRowProps {
  hookId: string;
  mock: HttpMock;
  position: number;
  count: number;
  onRemoved(): void;
}

function MockRow({ hookId, mock, position, count, onRemoved }: MockRowProps) {
  const { updateHttpMock, moveHttpMock, removeHttpMock } = appStore.getState();
  const update = (patch: Partial<Omit<HttpMock, 'id'>>) => updateHttpMock(hookId, mock.id, patch);
  const id = useId();
  const pattern = patternNote(mock.urlPattern);
  const body = bodyNote(mock.body);
  const urlInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A new row takes a focus asked for before it was in the page; a row there takes it now.
    const take = () => {
      if (takeMockFocus(mock.id)) urlInput.current?.focus();
    };
    take();
    return onMockFocusRequest(take);
  }, [mock.id]);

  return (
    <li className="mock-row" aria-label={`Mock ${position + 1}`}>
      <div className="mock-line">
        <div className="mock-field mock-method">
          <label className="mock-field-label" htmlFor={`${id}-method`}>
            Method
          </label>
          <select
            id={`${id}-method`}
            value={mock.method}
            onChange={(event) => update({ method: event.target.value })}
          >
            {/* A method from a link or an older build stays selectable. */}
            {(HTTP_MOCK_METHODS as readonly string[]).includes(mock.method) ? null : (
              <option value={mock.method}>{mock.method}</option>
            )}
            {HTTP_MOCK_METHODS.map((method) => (
              <option key={method} value={method}>
                {method}
              </option>
            ))}
          </select>
        </div>
        <div className="mock-field mock-url">
          <label className="mock-field-label" htmlFor={`${id}-url`}>
            URL pattern
          </label>
          <input
            id={`${id}-url`}
            ref={urlInput}
            type="text"
            value={mock.urlPattern}
            placeholder="https://api.example.com/users/*"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={pattern.problem}
            aria-describedby={`${id}-pattern`}
            onChange={(event) => update({ urlPattern: event.target.value })}
          />
          <span
            id={`${id}-pattern`}
            className={pattern.problem ? 'field-note field-note-problem' : 'field-note'}
          >
            {pattern.text}
          </span>
        </div>
        <NumberField
          className="mock-status"
          label="Status"
          value={mock.status}
          min={100}
          max={599}
          onValue={(status) => update({ status })}
          problemFor={() => `100–599; runs answer ${mock.status} until this is fixed.`}
        />
        <NumberField
          className="mock-delay"
          label="Delay (ms)"
          value={mock.delayMs}
          min={0}
          max={MAX_DELAY_MS}
          onValue={(delayMs) => update({ delayMs })}
          problemFor={() => `0–${MAX_DELAY_MS}; runs wait ${mock.delayMs} ms until this is fixed.`}
        />
        <div className="mock-buttons">
          <button
            type="button"
            className="button button-small button-icon"
            aria-label="Move mock up"
            title="Move up (earlier mocks are tried first)"
            disabled={position === 0}
            onClick={() => moveHttpMock(hookId, mock.id, -1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            className="button button-small button-icon"
            aria-label="Move mock down"
            title="Move down (later mocks are tried after the ones above)"
            disabled={position === count - 1}
            onClick={() => moveHttpMock(hookId, mock.id, 1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            className="button button-small button-icon"
            aria-label="Remove mock"
            title="Remove this mock"
            onClick={() => {
              removeHttpMock(hookId, mock.id);
              onRemoved();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      <div className="mock-field mock-body">
        <label className="mock-field-label" htmlFor={`${id}-body-text`}>
          Response body
        </label>
        <textarea
          id={`${id}-body-text`}
          value={mock.body}
          rows={Math.min(8, Math.max(2, mock.body.split('\n').length))}
          placeholder='{"ok": true}'
          spellCheck={false}
          aria-describedby={`${id}-body`}
          onChange={(event) => update({ body: event.target.value })}
        />
        <span id={`${id}-body`} className="field-note">
          {body}
        </span>
      </div>
      <ChunksField value={mock.chunks} onValue={(chunks) => update({ chunks })} />
      <div className="mock-check">
        <label>
          <input
            type="checkbox"
            checked={mock.networkError === true}
            aria-describedby={`${id}-error`}
            onChange={(event) => update({ networkError: event.target.checked })}
          />
          Network error
        </label>
        <span id={`${id}-error`} className="field-note">
          {mock.networkError === true
            ? 'Answers with a dropped connection (ECONNRESET); status and body are not used.'
            : 'Answer with a dropped connection (ECONNRESET) instead of a response.'}
        </span>
      </div>
    </li>
  );
}

function patternNote(pattern: string): { text: string; problem: boolean } {
  if (pattern === '') {
    return {
      text: 'An exact URL, a prefix ending in * (https://api.example.com/*), or a /regular expression/.',
      problem: false,
    };
  }
  const compiled = compileUrlPattern(pattern);
  if (!compiled.ok) {
    return {
      text: `${
        compiled.reason.startsWith('Invalid regular expression')
          ? compiled.reason
          : `Invalid regular expression: ${compiled.reason}`
      } — this mock matches nothing.`,
      problem: true,
    };
  }
  if (/^\/.*\/[a-z]*$/s.test(pattern) && pattern.length >= 2) {
    return { text: 'Regular expression: matches URLs it finds a match in.', problem: false };
  }
  if (pattern.endsWith('*')) {
    return {
      text: 'Prefix: matches every URL that starts with the text before *.',
      problem: false,
    };
  }
  return {
    text: 'Exact URL (add * at the end for a prefix, or write /regex/).',
    problem: false,
  };
}

function bodyNote(body: string): string {
  if (body.trim() === '') return 'Empty body.';
  try {
    JSON.parse(body);
    return 'Parses as JSON: sent with content-type: application/json.';
  } catch {
    return 'Not JSON: sent as text, as typed.';
  }
}
