import type { editor } from 'monaco-editor/editor/editor.api';

/** Shared look of both editors: a calm, small IDE. */
export const BASE_EDITOR_OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 20,
  tabSize: 2,
  scrollBeyondLastLine: false,
  renderLineHighlight: 'line',
  padding: { top: 8, bottom: 8 },
  // Hovers and suggestions may extend beyond a small editor's box instead of being clipped.
  fixedOverflowWidgets: true,
  automaticLayout: true,
};
