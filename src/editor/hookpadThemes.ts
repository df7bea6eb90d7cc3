import type * as Monaco from 'monaco-editor/editor/editor.api';

/** The editors' themes: Monaco's vs and vs-dark with colours that keep 4.5:1 contrast. */
export const LIGHT_EDITOR_THEME = 'hookpad-light';
export const DARK_EDITOR_THEME = 'hookpad-dark';
export type EditorTheme = typeof LIGHT_EDITOR_THEME | typeof DARK_EDITOR_THEME;

/** The theme that matches the page's colour scheme. */
export const editorTheme = (dark: boolean): EditorTheme =>
  dark ? DARK_EDITOR_THEME : LIGHT_EDITOR_THEME;

/**
 * vs-dark's comment green (#6a9955) falls under 4.5:1 on the current line's and the diff's
 * tinted backgrounds; this one stays above it on all of them.
 */
const DARK_COMMENT = '7cb36a';

/** Registers Hookpad's themes; monacoSetup calls it before any editor is created. */
export function defineHookpadThemes(monaco: typeof Monaco): void {
  // The number of the empty line after a final newline is dimmed almost out of sight.
  monaco.editor.defineTheme(LIGHT_EDITOR_THEME, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: { 'editorLineNumber.dimmedForeground': '#5f6770' },
  });
  monaco.editor.defineTheme(DARK_EDITOR_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [{ token: 'comment', foreground: DARK_COMMENT }],
    colors: { 'editorLineNumber.dimmedForeground': '#8b949e' },
  });
}
