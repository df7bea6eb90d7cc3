import { Editor, type OnMount } from '@monaco-editor/react';
import { measureEditorReady } from '../perf/editorReady';
import { appStore, useAppStore } from '../store';
import { selectHookId } from '../store/selectors';
import { addRunAction } from './addRunAction';
import { attachCodeEditor } from './codeEditorHandle';
import { demoteMonacoAlerts } from './demoteMonacoAlerts';
import { BASE_EDITOR_OPTIONS } from './editorOptions';
import { EditorLoading } from './EditorLoading';
import { hookModelUri } from './modelUris';
import './monacoSetup';
import type { EditorTheme } from './hookpadThemes';

const OPTIONS = { ...BASE_EDITOR_OPTIONS, ariaLabel: 'Hook code (JavaScript)' };

export interface CodeEditorProps {
  theme: EditorTheme;
}

/** The hook's JavaScript. Shows the selected hook's model; text lives in the store. */
export default function CodeEditor({ theme }: CodeEditorProps) {
  const hookId = useAppStore(selectHookId);
  const handleMount: OnMount = (instance) => {
    instance.onDidDispose(attachCodeEditor(instance));
    addRunAction(instance, () => appStore.getState().startRun());
    demoteMonacoAlerts();
    measureEditorReady();
  };

  return (
    <Editor
      path={hookModelUri(hookId)}
      language="javascript"
      theme={theme}
      options={OPTIONS}
      keepCurrentModel
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
