import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { appStore, useAppStore } from '../../store';
import { selectHook, selectHookId } from '../../store/selectors';
import { savableRunOf } from '../../store/savableRun';
import { summarizeTests } from '../../workspace/testCases/testSummary';
import { TestItem } from './TestItem';
import { testsStatusText } from './testResultText';
import { setTestsOpen, useTestsOpen } from './testsOpen';
import './tests.css';

// The dialogs (and the expectations' builders and JSON editors they bring) load on first use:
// they are not needed to paint the page.
const SaveAsTestDialog = lazy(() =>
  import('./SaveAsTestDialog').then((module) => ({ default: module.SaveAsTestDialog })),
);
const EditTestDialog = lazy(() =>
  import('./EditTestDialog').then((module) => ({ default: module.EditTestDialog })),
);

/**
 * The selected hook's saved tests, under the results: a one-line header ("Save as test",
 * "Run all tests", the summary and the progress of a batch) that opens onto the list. The
 * header stays one line when closed, so the results keep the room after a run.
 */
export function TestsSection() {
  const hookId = useAppStore(selectHookId);
  const tests = useAppStore((state) => selectHook(state).tests);
  const results = useAppStore((state) => state.testResults);
  const batch = useAppStore((state) => state.testBatch);
  const canSave = useAppStore((state) => savableRunOf(state) !== null);
  const open = useTestsOpen();
  const bodyId = useId();
  const [saving, setSaving] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);

  const summary = useMemo(
    () => summarizeTests(tests.map((test) => results[test.id])),
    [tests, results],
  );
  const running = batch?.running === true && batch.hookIds.includes(hookId);
  const editedTest = tests.find((test) => test.id === editing);

  return (
    <section className={`tests-section${open ? ' tests-section-open' : ''}`} aria-label="Tests">
      <Suspense fallback={null}>
        {saving && <SaveAsTestDialog onClose={() => setSaving(false)} />}
        {editedTest && (
          <EditTestDialog hookId={hookId} test={editedTest} onClose={() => setEditing(null)} />
        )}
      </Suspense>
      <div className="tests-header">
        <h2 className="pane-title">
          <button
            type="button"
            className="input-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setTestsOpen(!open)}
          >
            <span className="input-toggle-mark" aria-hidden="true" />
            Tests<span className="count"> ({tests.length})</span>
          </button>
        </h2>
        <p role="status" className="tests-summary">
          {testsStatusText(tests.length, summary)}
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
              void appStore.getState().runAllTests(hookId);
            }}
          >
            Run all tests
          </button>
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
          <ul className="tests-list">
            {tests.map((test) => (
              <TestItem
                key={test.id}
                hookId={hookId}
                test={test}
                result={results[test.id]}
                onEdit={() => setEditing(test.id)}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
