import type * as Monaco from 'monaco-editor/editor/editor.api';

/** The part of Monaco's editor API this needs (a seam for tests). */
export interface EditorEvents {
  onDidCreateEditor(listener: (editor: Monaco.editor.ICodeEditor) => void): Monaco.IDisposable;
  getEditors(): readonly Monaco.editor.ICodeEditor[];
}

/**
 * Resolves on the first focus of an editor of JavaScript (the hook's code, a module mock), or
 * `quietMs` after `ready` has resolved, whichever comes first: when TypeScript's language
 * service, ~2 s of CPU on 2 cores, is worth starting. A visit that only runs, tests, ports or
 * shares hooks then does not pay for it while it works, and an author who reads before typing
 * still finds it warm.
 */
export function whenEditingJavaScript(
  editors: EditorEvents,
  ready: Promise<void>,
  quietMs: number,
): Promise<void> {
  const listeners: Monaco.IDisposable[] = [];
  const editing = new Promise<void>((resolve) => {
    const watch = (editor: Monaco.editor.ICodeEditor) => {
      listeners.push(
        editor.onDidFocusEditorText(() => {
          if (editor.getModel()?.getLanguageId() === 'javascript') resolve();
        }),
      );
    };
    editors.getEditors().forEach(watch);
    listeners.push(editors.onDidCreateEditor(watch));
    void ready.then(() => setTimeout(resolve, quietMs));
  });
  // Once resolved, nothing needs watching any more.
  void editing.then(() => listeners.forEach((listener) => listener.dispose()));
  return editing;
}
