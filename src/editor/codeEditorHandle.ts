import type { editor } from 'monaco-editor/editor/editor.api';
import type { CodeLocation } from '../core/schemas';
import { codeModelUri } from './modelUris';

/**
 * The mounted hook editor, kept here rather than in the store (it is not state). This
 * module imports no Monaco code, so the app shell can use it before Monaco has loaded.
 */
let codeEditor: editor.IStandaloneCodeEditor | null = null;
let pendingReveal: { uri: string; location: CodeLocation } | null = null;

function tryReveal(): void {
  if (!codeEditor || !pendingReveal) return;
  const model = codeEditor.getModel();
  // Wait until the editor shows the model (the hook or its tab may just have been selected).
  if (model?.uri.toString() !== pendingReveal.uri) return;
  const { line, column } = pendingReveal.location;
  pendingReveal = null;
  const position = model.validatePosition({ lineNumber: line, column });
  codeEditor.setPosition(position);
  codeEditor.revealPositionInCenter(position);
  codeEditor.focus();
}

/** Called by the hook editor once mounted; returns the detach function. */
export function attachCodeEditor(instance: editor.IStandaloneCodeEditor): () => void {
  codeEditor = instance;
  const subscription = instance.onDidChangeModel(tryReveal);
  tryReveal();
  return () => {
    subscription.dispose();
    if (codeEditor === instance) codeEditor = null;
  };
}

/**
 * Moves the code editor's cursor to a place in a hook's code (or its Action's) and focuses
 * it, once the editor shows that code.
 */
export function revealInCode(
  hookId: string,
  location: CodeLocation,
  kind: 'hook' | 'action' = 'hook',
): void {
  pendingReveal = { uri: codeModelUri(hookId, kind), location };
  tryReveal();
}

/** Focuses the hook editor (the skip link's target); false while it has not mounted yet. */
export function focusCodeEditor(): boolean {
  codeEditor?.focus();
  return codeEditor !== null;
}
