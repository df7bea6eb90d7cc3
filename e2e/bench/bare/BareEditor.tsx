import Editor, { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

export default function BareEditor() {
  return (
    <Editor
      height="100vh"
      language="javascript"
      defaultValue={'module.exports = function (user, context, cb) {\n  cb();\n};\n'}
      onMount={() => performance.measure('bare:editor-ready', { start: 0 })}
    />
  );
}
