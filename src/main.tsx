import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadCodeEditor } from './editor/lazyEditors';
import { workspaceReady } from './store';
import './styles.css';
import './styles-runner.css';
import './styles-workspace.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Monaco loads while IndexedDB answers; rendering after the workspace is in the store means
// the editors open on the stored hooks rather than on starters that are then replaced.
void loadCodeEditor();
void workspaceReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
