import { Editor, type OnMount } from '@monaco-editor/react';
import { appStore, useAppStore } from '../store';
import { selectPointId } from '../store/selectors';
import { addRunAction } from './addRunAction';
import { demoteMonacoAlerts } from './demoteMonacoAlerts';
import { BASE_EDITOR_OPTIONS } from './editorOptions';
import { EditorLoading } from './EditorLoading';
import { payloadModelUri } from './modelUris';
import './monacoSetup';

const OPTIONS = {
  ...BASE_EDITOR_OPTIONS,
  ariaLabel: 'Payload (JSON)',
  lineNumbersMinChars: 3,
  folding: true,
};

export interface PayloadEditorProps {
  theme: 'vs' | 'vs-dark';
}

/**
 * The payload as JSON text, validated as you type against the point's JSON Schema
 * (matched to the model by its URI in monacoSetup).
 */
export default function PayloadEditor({ theme }: PayloadEditorProps) {
  const pointId = useAppStore(selectPointId);
  const handleMount: OnMount = (instance) => {
    addRunAction(instance, () => appStore.getState().startRun());
    demoteMonacoAlerts();
  };
  return (
    <Editor
      path={payloadModelUri(pointId)}
      language="json"
      theme={theme}
      options={OPTIONS}
      keepCurrentModel
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
