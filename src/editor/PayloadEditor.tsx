import { Editor, type OnMount } from '@monaco-editor/react';
import { appStore, useAppStore } from '../store';
import { selectHookId, selectPointId } from '../store/selectors';
import { addRunAction } from './addRunAction';
import { demoteMonacoAlerts } from './demoteMonacoAlerts';
import { BASE_EDITOR_OPTIONS } from './editorOptions';
import { EditorLoading } from './EditorLoading';
import { payloadModelUri } from './modelUris';
import { usePayloadEditorReady } from './usePayloadEditorReady';
import type { EditorTheme } from './hookpadThemes';

const OPTIONS = {
  ...BASE_EDITOR_OPTIONS,
  ariaLabel: 'Payload (JSON)',
  lineNumbersMinChars: 3,
  folding: true,
};

export interface PayloadEditorProps {
  theme: EditorTheme;
}

/**
 * The payload as JSON text, validated as you type against the point's JSON Schema
 * (matched to the model by its URI in monacoSetup).
 */
export default function PayloadEditor({ theme }: PayloadEditorProps) {
  const hookId = useAppStore(selectHookId);
  const pointId = useAppStore(selectPointId);
  // Mounts after the hook editor (see payloadEditorReady).
  const ready = usePayloadEditorReady();
  const handleMount: OnMount = (instance) => {
    addRunAction(instance, () => appStore.getState().startRun());
    demoteMonacoAlerts();
  };
  if (!ready) return <EditorLoading />;
  return (
    <Editor
      path={payloadModelUri(hookId, pointId)}
      language="json"
      theme={theme}
      options={OPTIONS}
      keepCurrentModel
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
