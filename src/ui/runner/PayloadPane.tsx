import { LazyPayloadEditor } from '../common/lazyEditors';
import { useAppStore } from '../../store';
import { selectHookId, selectPayloadProblem } from '../../store/selectors';
import { EditorBoundary } from '../common/EditorBoundary';
import { usePrefersDark } from '../common/usePrefersDark';
import './runner.css';
import { editorTheme } from '../../editor/hookpadThemes';

/** The JSON body the platform would post, with its problem in words below. */
export function PayloadPane() {
  const dark = usePrefersDark();
  const hookId = useAppStore(selectHookId);
  const problem = useAppStore(selectPayloadProblem);
  const resetPayload = useAppStore((state) => state.resetPayload);
  return (
    <section className="pane payload-pane" aria-label="Payload">
      <div className="pane-header">
        <h2 className="pane-title">Payload</h2>
        <span className="pane-subtitle">JSON body the platform sends</span>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => resetPayload(hookId)}
          title="Replace the payload with this point's documented default (Ctrl+Z in the editor undoes it)"
        >
          Reset payload
        </button>
      </div>
      <div className="editor-box payload-editor-box">
        <EditorBoundary>
          <LazyPayloadEditor theme={editorTheme(dark)} />
        </EditorBoundary>
      </div>
      <p className={problem ? 'field-note field-note-problem' : 'field-note'} id="payload-problem">
        {problem ? `Payload problem: ${problem}` : 'The payload is valid for this point.'}
      </p>
    </section>
  );
}
