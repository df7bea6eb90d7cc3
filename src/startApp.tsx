import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { workspaceReady } from './store';
import { preloadCodeEditor } from './ui/common/lazyEditors';

/**
 * Renders the app into index.html's root once the workspace is in the store, so that the
 * editors open on the stored hooks rather than on starters that are then replaced. Until
 * then the shell that index.html painted stays.
 */
export function startApp(root: HTMLElement): Promise<void> {
  preloadCodeEditor();
  return workspaceReady.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
