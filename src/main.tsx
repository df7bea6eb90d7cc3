import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Page-wide sheets first, so each feature's own sheet (imported by its components) wins
// where both style the same element. Import and export's sheet keeps its old place before
// the shared controls: the export dialog's secrets checkbox takes `.check`'s colour.
import './ui/shell/base.css';
import './ui/shell/layout.css';
import './ui/importExport/importExport.css';
import './ui/common/controls.css';
import './ui/common/dialog.css';
import './ui/common/sections.css';
import './ui/shell/skeleton.css';
import { App } from './App';
import { loadCodeEditor } from './editor/lazyEditors';
import { workspaceReady } from './store';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// index.html has painted the shell already. Monaco loads while IndexedDB answers; rendering
// after the workspace is in the store means the editors open on the stored hooks rather than
// on starters that are then replaced.
void loadCodeEditor();
void workspaceReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
