import { Suspense } from 'react';
import { LazyCodeEditor } from '../editor/lazyEditors';
import { EditorLoading } from '../editor/EditorLoading';
import { useAppStore } from '../store';
import { selectPointId } from '../store/selectors';
import { EditorBoundary } from './EditorBoundary';
import { usePrefersDark } from './usePrefersDark';

/** Left side: the hook's code. */
export function CodePane() {
  const dark = usePrefersDark();
  const pointId = useAppStore(selectPointId);
  const resetCode = useAppStore((state) => state.resetCode);
  return (
    <section className="pane code-pane" aria-label="Hook code">
      <div className="pane-header">
        <h2 className="pane-title">Hook code</h2>
        <span className="pane-subtitle">
          JavaScript · Tab indents; Ctrl+M switches Tab to moving focus
        </span>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => resetCode(pointId)}
          title="Replace the code with this point's starter code (Ctrl+Z in the editor undoes it)"
        >
          Reset code
        </button>
      </div>
      <div className="editor-box code-editor-box">
        <EditorBoundary>
          <Suspense fallback={<EditorLoading />}>
            <LazyCodeEditor theme={dark ? 'vs-dark' : 'vs'} />
          </Suspense>
        </EditorBoundary>
      </div>
    </section>
  );
}
