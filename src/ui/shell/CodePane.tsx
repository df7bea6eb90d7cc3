import { Suspense } from 'react';
import { LazyCodeEditor } from '../../editor/lazyEditors';
import { EditorLoading } from '../../editor/EditorLoading';
import { useAppStore } from '../../store';
import { selectHookId } from '../../store/selectors';
import { EditorBoundary } from '../common/EditorBoundary';
import { usePrefersDark } from '../common/usePrefersDark';
import { VersionCompare } from '../history/VersionCompare';
import { editorTheme } from '../../editor/hookpadThemes';

/** Left side: the hook's code. */
export function CodePane() {
  const dark = usePrefersDark();
  const hookId = useAppStore(selectHookId);
  const resetCode = useAppStore((state) => state.resetCode);
  // The saved version compared with the draft, when one is (see HistoryPanel).
  const compared = useAppStore((state) =>
    state.comparing?.hookId === hookId
      ? state.hooks[hookId]?.versions.find((version) => version.id === state.comparing?.versionId)
      : undefined,
  );
  return (
    <section id="hook-code" className="pane code-pane" aria-label="Hook code">
      <div className="pane-header">
        <h2 className="pane-title">Hook code</h2>
        <span className="pane-subtitle">
          JavaScript · Tab indents; Ctrl+M switches Tab to moving focus
        </span>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => resetCode(hookId)}
          title="Replace the code with this point's starter code (Ctrl+Z in the editor undoes it)"
        >
          Reset code
        </button>
      </div>
      {/* A modal dialog while comparing; the code editor stays behind it, as it was. */}
      {compared && <VersionCompare hookId={hookId} version={compared} theme={editorTheme(dark)} />}
      <div className="editor-box code-editor-box">
        <EditorBoundary>
          <Suspense fallback={<EditorLoading />}>
            <LazyCodeEditor theme={editorTheme(dark)} />
          </Suspense>
        </EditorBoundary>
      </div>
    </section>
  );
}
