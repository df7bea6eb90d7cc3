import { Editor, type OnMount } from '@monaco-editor/react';
import { measureEditorReady } from '../perf/editorReady';
import { appStore, useAppStore } from '../store';
import { selectCodeModelKind, selectHookId } from '../store/selectors';
import { addRunAction } from './addRunAction';
import { attachCodeEditor } from './codeEditorHandle';
import { demoteMonacoAlerts } from './demoteMonacoAlerts';
import { BASE_EDITOR_OPTIONS } from './editorOptions';
import { EditorLoading } from './EditorLoading';
import { codeModelUri } from './modelUris';
import './monacoSetup';
import type { EditorTheme } from './hookpadThemes';

const OPTIONS = {
  hook: { ...BASE_EDITOR_OPTIONS, ariaLabel: 'Hook code (JavaScript)' },
  action: { ...BASE_EDITOR_OPTIONS, ariaLabel: 'Action code (JavaScript)' },
};

export interface CodeEditorProps {
  theme: EditorTheme;
}

/**
 * The hook's JavaScript, or its Action's on the Action tab: one editor that shows the selected
 * hook's model of that code (each keeps its own undo history); text lives in the store.
 */
export default function CodeEditor({ theme }: CodeEditorProps) {
  const hookId = useAppStore(selectHookId);
  const kind = useAppStore(selectCodeModelKind);
  const handleMount: OnMount = (instance) => {
    instance.onDidDispose(attachCodeEditor(instance));
    addRunAction(instance, () => appStore.getState().startRun());
    demoteMonacoAlerts();
    measureEditorReady();
  };

  return (
    <Editor
      path={codeModelUri(hookId, kind)}
      language="javascript"
      theme={theme}
      options={OPTIONS[kind]}
      keepCurrentModel
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
