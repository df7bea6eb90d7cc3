import { Component, type ReactNode } from 'react';
import { editorUnavailable } from '../../perf/editorReady';

interface EditorBoundaryState {
  error: Error | null;
}

/**
 * If the editor chunk cannot load (offline, a deploy replaced the files), say so in place
 * instead of unmounting the whole app. The drafts stay in the store and in localStorage.
 */
export class EditorBoundary extends Component<{ children: ReactNode }, EditorBoundaryState> {
  override state: EditorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): EditorBoundaryState {
    return { error };
  }

  override componentDidCatch(): void {
    // What waits for the editor (the sandbox, language workers, lint) starts now.
    editorUnavailable();
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="editor-loading">
        <p>The editor could not be loaded ({this.state.error.message}). Your drafts are saved.</p>
        <button type="button" className="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
