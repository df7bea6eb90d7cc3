// The same Monaco build Hookpad uses (editor API, editor features, the JavaScript grammar,
// the editor worker), given to @monaco-editor/react the same way, with nothing else.
import Editor, { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

export default function BareEditor() {
  return (
    <Editor
      height="100vh"
      language="javascript"
      defaultValue={'module.exports = function (user, context, cb) {\n  cb();\n};\n'}
      onMount={() => performance.measure('bare:editor-ready', { start: 0, end: performance.now() })}
    />
  );
}
