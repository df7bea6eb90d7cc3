import { LazyCodeEditor } from '../common/lazyEditors';
import { useAppStore } from '../../store';
import { selectHookId } from '../../store/selectors';
import { EditorBoundary } from '../common/EditorBoundary';
import { usePrefersDark } from '../common/usePrefersDark';
import { VersionCompare } from '../history/VersionCompare';
import { editorTheme } from '../../editor/hookpadThemes';
import { ActionEmpty } from '../action/ActionEmpty';
import { CODE_TABPANEL_ID, CodeTabs, codeTabId } from '../action/CodeTabs';
import { PortNotes } from '../action/PortNotes';
import { PortToActionButton } from '../action/PortToActionButton';

/** Left side: the hook's code, or its Action (the tabs), in one editor. */
export function CodePane() {
  const dark = usePrefersDark();
  const hookId = useAppStore(selectHookId);
  const resetCode = useAppStore((state) => state.resetCode);
  const tab = useAppStore((state) => state.codeTab);
  const action = useAppStore((state) => state.hooks[hookId]?.draft.action);
  // The saved version compared with the draft, when one is (see HistoryPanel).
  const compared = useAppStore((state) =>
    state.comparing?.hookId === hookId
      ? state.hooks[hookId]?.versions.find((version) => version.id === state.comparing?.versionId)
      : undefined,
  );
  const noAction = tab === 'action' && !action;
  return (
    <section id="hook-code" className="pane code-pane" aria-label="Hook code">
      <div className="pane-header">
        <h2 className="pane-title">Hook code</h2>
        <span className="pane-subtitle">
          JavaScript · Tab indents; Ctrl+M switches Tab to moving focus
        </span>
        {/* On both tabs: it ports the hook's code whichever one is shown. */}
        <PortToActionButton className="button button-quiet" />
        {tab === 'hook' && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => resetCode(hookId)}
            title="Replace the code with this point's starter code (Ctrl+Z in the editor undoes it)"
          >
            Reset code
          </button>
        )}
      </div>
      <CodeTabs />
      {/* A modal dialog while comparing; the code editor stays behind it, as it was. */}
      {compared && <VersionCompare hookId={hookId} version={compared} theme={editorTheme(dark)} />}
      <div
        role="tabpanel"
        id={CODE_TABPANEL_ID}
        aria-labelledby={codeTabId(tab)}
        className="code-tabpanel"
      >
        {noAction && <ActionEmpty />}
        {/* Kept mounted while hidden: Monaco and the hook's undo history stay. */}
        <div className="editor-box code-editor-box" hidden={noAction}>
          <EditorBoundary>
            <LazyCodeEditor theme={editorTheme(dark)} />
          </EditorBoundary>
        </div>
        {tab === 'action' && action && <PortNotes hookId={hookId} notes={action.notes} />}
      </div>
    </section>
  );
}
