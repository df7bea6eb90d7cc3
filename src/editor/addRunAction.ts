import type { editor } from 'monaco-editor/editor/editor.api';
import { KeyCode, KeyMod } from 'monaco-editor/editor/editor.api';

/**
 * Ctrl+Enter / Cmd+Enter inside an editor runs the hook. An editor action (rather than a
 * document listener) because Monaco consumes the keystroke before it reaches the page;
 * Ctrl+Enter is bound on macOS too, where CtrlCmd means Cmd.
 */
export function addRunAction(instance: editor.IStandaloneCodeEditor, run: () => void): void {
  instance.addAction({
    id: 'hookpad.run',
    label: 'Run hook',
    keybindings: [KeyMod.CtrlCmd | KeyCode.Enter, KeyMod.WinCtrl | KeyCode.Enter],
    run,
  });
}
