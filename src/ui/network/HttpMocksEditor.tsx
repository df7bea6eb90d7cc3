import { useEffect, useRef } from 'react';
import { appStore, useAppStore } from '../../store';
import { requestMockFocus } from './mockFocus';
import { selectHook, selectHookId } from '../../store/selectors';
import { InputSection } from '../runner/InputSection';
import { openInputSection } from '../runner/inputSections';
import { MAX_HTTP_MOCKS } from '../../core/inputLimits';
import { afterSandboxStart } from '../../perf/editorReady';
import { LazyPartSlot, lazyPart } from '../common/lazyPart';
import './network.css';

// The rows (and their checks) are not needed to paint the page.
const { Part: HttpMocksBody, preload } = lazyPart(() =>
  import('./HttpMocksBody').then((module) => module.HttpMocksBody),
);
// Fetched once the editor and then the sandbox are up, so the first opening is instant.
void afterSandboxStart().then(preload);

/**
 * The point's HTTP mocks, in order: the first mock whose method and URL pattern match a
 * request answers it. Requests no mock matches are refused unless the network is allowed.
 */
export function HttpMocksEditor() {
  const hookId = useAppStore(selectHookId);
  const mocks = useAppStore((state) => selectHook(state).draft.network.mocks);
  const addButton = useRef<HTMLButtonElement>(null);
  // A run refused for invalid mock settings shows them, so the problem can be found.
  const runRefused = useAppStore(
    (state) =>
      state.run.hookId === state.selectedHookId &&
      state.run.outcome?.status === 'not-started' &&
      state.run.outcome.field === 'network',
  );
  useEffect(() => {
    if (runRefused) openInputSection('HTTP mocks');
  }, [runRefused]);

  return (
    <InputSection
      name="HTTP mocks"
      count={mocks.length}
      onPreload={preload}
      className="http-mocks"
      subtitle="first match answers · fetch, axios, request, http(s)…"
      actions={
        <button
          ref={addButton}
          type="button"
          className="button button-small"
          disabled={mocks.length >= MAX_HTTP_MOCKS}
          onClick={() => {
            requestMockFocus(appStore.getState().addHttpMock(hookId));
          }}
        >
          Add mock
        </button>
      }
    >
      <LazyPartSlot what="The HTTP mocks">
        <HttpMocksBody hookId={hookId} onRemoved={() => addButton.current?.focus()} />
      </LazyPartSlot>
    </InputSection>
  );
}
