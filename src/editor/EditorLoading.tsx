/** What an editor's box shows until Monaco is ready: plain text, no spinner. */
export function EditorLoading() {
  return <div className="editor-loading">Loading editor…</div>;
}
