import { Editor } from '@monaco-editor/react';
import { useMemo } from 'react';
import { demoteMonacoAlerts } from './demoteMonacoAlerts';
import { BASE_EDITOR_OPTIONS } from './editorOptions';
import { EditorLoading } from './EditorLoading';
import { usePayloadEditorReady } from './usePayloadEditorReady';
import type { EditorTheme } from './hookpadThemes';

export interface TestJsonEditorProps {
  /** The model's address: it picks the JSON Schema (see modelUris and monacoSetup). */
  path: string;
  /** The editor's accessible name ("Test payload", "Expectations"). */
  label: string;
  value: string;
  theme: EditorTheme;
  onChange(value: string): void;
}

/**
 * One JSON part of a test in the "Edit test" dialog, validated and completed from its JSON
 * Schema. Controlled: the text lives in the dialog; the model is disposed with the editor.
 */
export default function TestJsonEditor({
  path,
  label,
  value,
  theme,
  onChange,
}: TestJsonEditorProps) {
  // After the JSON language service has its schemas (set up with the payload editor).
  const ready = usePayloadEditorReady();
  const options = useMemo(
    () => ({
      ...BASE_EDITOR_OPTIONS,
      ariaLabel: label,
      lineNumbersMinChars: 3,
      folding: true,
      scrollbar: { alwaysConsumeMouseWheel: false },
      // The suggest and hover widgets stay inside the modal dialog (the top layer).
      fixedOverflowWidgets: false,
    }),
    [label],
  );
  if (!ready) return <EditorLoading />;
  return (
    <Editor
      path={path}
      language="json"
      theme={theme}
      value={value}
      options={options}
      onChange={(text) => onChange(text ?? '')}
      onMount={() => demoteMonacoAlerts()}
      loading={<EditorLoading />}
    />
  );
}
