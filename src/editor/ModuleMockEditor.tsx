import { Editor, type OnMount } from '@monaco-editor/react';
import { useMemo } from 'react';
import { appStore } from '../store';
import { addRunAction } from './addRunAction';
import { demoteMonacoAlerts } from './demoteMonacoAlerts';
import { BASE_EDITOR_OPTIONS } from './editorOptions';
import { EditorLoading } from './EditorLoading';
import { moduleMockModelUri } from './modelUris';
import { usePayloadEditorReady } from './usePayloadEditorReady';
import type { EditorTheme } from './hookpadThemes';

export interface ModuleMockEditorProps {
  hookId: string;
  /** The row's position among the point's module mocks (its model's address). */
  index: number;
  name: string;
  code: string;
  theme: EditorTheme;
  onChange(code: string): void;
}

/**
 * A small JavaScript editor for one module mock's code (which assigns `module.exports`).
 * Controlled: the text lives in the store; the model is this component's and is disposed
 * with it.
 */
export default function ModuleMockEditor({
  hookId,
  index,
  name,
  code,
  theme,
  onChange,
}: ModuleMockEditorProps) {
  // Like the payload editor, mounts only after the hook editor is ready.
  const ready = usePayloadEditorReady();
  const options = useMemo(
    () => ({
      ...BASE_EDITOR_OPTIONS,
      ariaLabel: `Mock code for ${name.trim() || 'this module'}`,
      lineNumbersMinChars: 2,
      folding: false,
      glyphMargin: false,
      scrollbar: { alwaysConsumeMouseWheel: false },
    }),
    [name],
  );
  const handleMount: OnMount = (instance) => {
    addRunAction(instance, () => appStore.getState().startRun());
    demoteMonacoAlerts();
  };
  if (!ready) return <EditorLoading />;
  return (
    <Editor
      path={moduleMockModelUri(hookId, index)}
      language="javascript"
      theme={theme}
      value={code}
      options={options}
      onChange={(value) => onChange(value ?? '')}
      onMount={handleMount}
      loading={<EditorLoading />}
    />
  );
}
