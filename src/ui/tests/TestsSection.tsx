import { useId, useMemo, useState } from 'react';
import { appStore, useAppStore } from '../../store';
import { selectHook, selectHookId } from '../../store/selectors';
import { savableRunOf } from '../../store/savableRun';
import {
  runKindsOf,
  testResultKey,
  type TestsTarget,
} from '../../workspace/testCases/testResultKey';
import { summarizeTests } from '../../workspace/testCases/testSummary';
import { testsStatusTextByTarget } from './testResultText';
import { TestsTargetChoice } from './TestsTargetChoice';
import { setTestsOpen, useTestsOpen } from './testsOpen';
import { afterSandboxStart } from '../../perf/editorReady';
import { useAfterSandboxStart } from '../common/useAfterSandboxStart';
import { LazyPartSlot, lazyPart } from '../common/lazyPart';
import './tests.css';

// The dialogs (and the expectations' builders and JSON editors they bring) load on first use:
// they are not needed to paint the page. "Save as test" asks for its own when pointed at.
const saveAsTestDialog = lazyPart(() =>
  import('./SaveAsTestDialog').then((module) => module.SaveAsTestDialog),
);
const editTestDialog = lazyPart(() =>
  import('./EditTestDialog').then((module) => module.EditTestDialog),
);
// The list is not needed to paint the page.
const { Part: TestList, preload: preloadTestList } = lazyPart(() =>
  import('./TestList').then((module) => module.TestList),
);
// Fetched once the editor and then the sandbox are up, so the first opening is instant.
void afterSandboxStart().then(preloadTestList);

/**
 * The selected hook's saved tests, under the results: a one-line header ("Save as test",
 * "Run all tests" and what they run on, the summary and the progress of a batch) that opens
 * onto the list. The header stays one line when closed, so the results keep the room after a
 * run. A test that ran on the hook's Action has its result there too, kept apart.
 */
export function TestsSection() {
  const hookId = useAppStore(selectHookId);
  const tests = useAppStore((state) => selectHook(state).tests);
  const results = useAppStore((state) => state.testResults);
  const batch = useAppStore((state) => state.testBatch);
  const canSave = useAppStore((state) => savableRunOf(state) !== null);
  const hasAction = useAppStore((state) => selectHook(state).draft.action !== undefined);
  const [chosen, setChosen] = useState<TestsTarget>('hook');
  // Without an Action there is only the hook to run the tests on.
  const target = hasAction ? chosen : 'hook';
  const open = useTestsOpen();
  // Rendered from the first opening or the app's start on (the list loads then), and kept.
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  const started = useAfterSandboxStart(!opened);
  const bodyId = useId();
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const statusText = useMemo(() => {
    const onAction = tests.map((test) => results[testResultKey(test.id, 'action')]);
    return testsStatusTextByTarget(
      tests.length,
      summarizeTests(tests.map((test) => results[test.id])),
      onAction.some((state) => state !== undefined) ? summarizeTests(onAction) : null,
    );
  }, [tests, results]);
  const running = batch?.running === true && batch.hookIds.includes(hookId);
  const editedTest = tests.find((test) => test.id === editing);

  return (
    <section className={`tests-section${open ? ' tests-section-open' : ''}`} aria-label="Tests">
      {/* Nothing stands in while a dialog loads; if it cannot, an alert says so (lazyPart). */}
      {saving && (
        <LazyPartSlot
          what="The Save as test dialog"
          onClose={() => setSaving(false)}
          fallback={null}
        >
          <saveAsTestDialog.Part onClose={() => setSaving(false)} />
        </LazyPartSlot>
      )}
      {editedTest && (
        <LazyPartSlot what="The Edit test dialog" onClose={() => setEditing(null)} fallback={null}>
          <editTestDialog.Part hookId={hookId} test={editedTest} onClose={() => setEditing(null)} />
        </LazyPartSlot>
      )}
      <div className="tests-header">
        <h2 className="pane-title">
          <button
            type="button"
            className="input-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setTestsOpen(!open)}
            onPointerEnter={preloadTestList}
            onFocus={preloadTestList}
          >
            <span className="input-toggle-mark" aria-hidden="true" />
            Tests<span className="count"> ({tests.length})</span>
          </button>
        </h2>
        <p role="status" className="tests-summary">
          {statusText}
        </p>
        {running && batch && (
          <progress
            className="tests-progress"
            aria-label="Test progress"
            max={batch.total}
            value={batch.done}
          />
        )}
        <div className="tests-actions">
          <button
            type="button"
            className="button button-small"
            disabled={!canSave}
            title="Keep this run's inputs and chosen results as a test of the hook"
            onPointerEnter={saveAsTestDialog.preload}
            onFocus={saveAsTestDialog.preload}
            onClick={() => setSaving(true)}
          >
            Save as test
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={tests.length === 0 || running}
            onClick={() => {
              setTestsOpen(true);
              void appStore.getState().runAllTests(hookId, target);
            }}
          >
            Run all tests
          </button>
          <TestsTargetChoice value={target} hasAction={hasAction} onChange={setChosen} />
          {running && (
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => appStore.getState().cancelTests()}
            >
              Cancel tests
            </button>
          )}
        </div>
      </div>
      <div id={bodyId} className="tests-body" hidden={!open}>
        {tests.length === 0 ? (
          <p className="empty">
            Run the hook, then “Save as test” keeps its inputs and what it gave, to check later
            changes against.
          </p>
        ) : (
          (opened || started) && (
            <LazyPartSlot what="The tests">
              <TestList
                hookId={hookId}
                tests={tests}
                results={results}
                kinds={runKindsOf(target)}
                onEdit={setEditing}
              />
            </LazyPartSlot>
          )
        )}
      </div>
    </section>
  );
}
