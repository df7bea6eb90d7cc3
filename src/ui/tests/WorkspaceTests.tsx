import { useMemo, useState } from 'react';
import { appStore, useAppStore } from '../../store';
import { summarizeTests } from '../../workspace/testCases/testSummary';
import { testsStatusText } from './testResultText';
import './tests.css';

/**
 * "Run all tests in workspace": every test of every hook, then one summary line per hook
 * that has tests. The results stay until dismissed; selecting a hook shows its tests' rows.
 */
export function WorkspaceTests() {
  const hooks = useAppStore((state) => state.hooks);
  const order = useAppStore((state) => state.hookOrder);
  const results = useAppStore((state) => state.testResults);
  const batch = useAppStore((state) => state.testBatch);
  const [shown, setShown] = useState(false);
  const withTests = useMemo(
    () => order.flatMap((id) => (hooks[id] && hooks[id].tests.length > 0 ? [hooks[id]] : [])),
    [hooks, order],
  );
  const running = batch?.running === true && batch.scope === 'workspace';

  return (
    <div className="workspace-tests">
      <button
        type="button"
        className="button button-small"
        disabled={withTests.length === 0 || batch?.running === true}
        title="Run every test of every hook"
        onClick={() => {
          setShown(true);
          void appStore.getState().runWorkspaceTests();
        }}
      >
        Run all tests in workspace
      </button>
      {shown && (
        <section className="workspace-test-results" aria-label="Workspace test results">
          <div className="tests-header">
            <h2 className="sidebar-title">Test results</h2>
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label="Close workspace test results"
              onClick={() => setShown(false)}
            >
              Close
            </button>
          </div>
          {running && batch && (
            <progress aria-label="Test progress" max={batch.total} value={batch.done} />
          )}
          <ul className="workspace-test-list">
            {withTests.map((hook) => (
              <li key={hook.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => appStore.getState().selectHook(hook.id)}
                >
                  {hook.name}
                </button>
                <span className="workspace-test-summary">
                  {testsStatusText(
                    hook.tests.length,
                    summarizeTests(hook.tests.map((test) => results[test.id])),
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
