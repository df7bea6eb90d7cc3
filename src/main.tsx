// Page-wide sheets first, so each feature's own sheet (imported by its components) wins
// where both style the same element. Import and export's sheet keeps its old place before
// the shared controls: the export dialog's secrets checkbox takes `.check`'s colour.
// They are imported here, by the entry, so that index.html links them: its shell needs them.
import './ui/shell/base.css';
import './ui/shell/layout.css';
import './ui/importExport/importExport.css';
import './ui/common/controls.css';
import './ui/common/dialog.css';
import './ui/common/sections.css';
import './ui/shell/skeleton.css';
import { afterFirstPaint } from './perf/afterFirstPaint';
import { showStartFailure } from './ui/shell/showStartFailure';
import { stylesApplied } from './ui/shell/stylesApplied';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The entry is this small on purpose: index.html's shell paints first, then the app's code
// and Monaco load and run, side by side, while IndexedDB answers. Evaluating them before
// the first frame would hold the paint back by as long as they take.
// The editor's own load errors are shown in its pane (EditorBoundary); the app's are here.
void afterFirstPaint()
  .then(() => {
    // The app first: its requests leave first, so its smaller graph arrives and runs first,
    // and IndexedDB is read while Monaco's ~1 MiB still downloads and runs. Then the hook
    // editor, here rather than through the app's lazy wrapper (src/ui/common/lazyEditors.tsx), so
    // that Monaco's requests leave with the app's own instead of after them. A failed
    // download is reported by the editor's pane, which asks for the module again.
    // The full style sheets first: the app's import looks for them in the page.
    const styles = stylesApplied();
    const app = import('./startApp');
    import('./editor/CodeEditor').catch(() => undefined);
    return Promise.all([app, styles]);
  })
  .then(([{ startApp }]) => startApp(root))
  .catch((error: unknown) => showStartFailure(root, error));
