import { useRef } from 'react';
import { appStore, useAppStore } from '../../store';
import { selectHookId } from '../../store/selectors';
import { EMPTY_NETWORK } from '../../workspace/draft/network';
import { MAX_MODULE_MOCKS } from '../../core/inputLimits';
import { afterSandboxStart } from '../../perf/editorReady';
import { LazyPartSlot, lazyPart } from '../common/lazyPart';
import { InputSection } from '../runner/InputSection';
import { openInputSection } from '../runner/inputSections';
import { moduleRowsOf } from './moduleRows';
import './network.css';

// The rows, their editors and the auto-mock results are not needed to paint the page.
const { Part: ModulesBody, preload } = lazyPart(() =>
  import('./ModulesBody').then((module) => module.ModulesBody),
);
// Fetched once the editor and then the sandbox are up, so the first opening is instant.
void afterSandboxStart().then(preload);

/**
 * Modules the hook can require beyond Node's core: module mocks (code assigning
 * `module.exports`) and auto-mocks (a recording proxy that answers every call and lists it
 * under Outbound requests). A module mock's code is kept while its module is auto-mocked.
 */
export function ModulesEditor() {
  const hookId = useAppStore(selectHookId);
  // Remounting per point gives each point its own editors (and models).
  return <ModulesSection key={hookId} hookId={hookId} />;
}

function ModulesSection({ hookId }: { hookId: string }) {
  const moduleMocks = useAppStore(
    (state) => (state.hooks[hookId]?.draft.network ?? EMPTY_NETWORK).moduleMocks,
  );
  const autoMocks = useAppStore(
    (state) => (state.hooks[hookId]?.draft.network ?? EMPTY_NETWORK).autoMocks,
  );
  const addButton = useRef<HTMLButtonElement>(null);
  /** The row key whose name field takes the focus once it is in the page. */
  const focusNext = useRef<string | null>(null);

  return (
    <InputSection
      name="Modules"
      count={moduleRowsOf(moduleMocks, autoMocks).length}
      onPreload={preload}
      className="modules-editor"
      subtitle="module mocks and auto-mocks for require()"
      actions={
        <button
          ref={addButton}
          type="button"
          className="button button-small"
          disabled={moduleMocks.length >= MAX_MODULE_MOCKS}
          onClick={() => {
            const row = appStore.getState().addModuleMock(hookId, '');
            if (row >= 0) focusNext.current = `m${row}`;
            openInputSection('Modules');
          }}
        >
          Add module
        </button>
      }
    >
      <LazyPartSlot what="The modules">
        <ModulesBody
          hookId={hookId}
          focusNextRef={focusNext}
          onRemoved={() => addButton.current?.focus()}
        />
      </LazyPartSlot>
    </InputSection>
  );
}
