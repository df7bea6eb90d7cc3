import { lazy, Suspense } from 'react';
import { afterStartup } from '../perf/editorReady';

// The derivation needs the engine's Node core module list (next to their ports, ~190 KiB):
// it loads once the editor is up, so it never competes with Monaco's start.
const DependenciesTable = lazy(() => afterStartup().then(() => import('./DependenciesTable')));

/** The hook's dependencies (name → version), derived from its code and its last run. */
export function DependenciesView() {
  return (
    <section className="settings-section dependencies" aria-label="Dependencies">
      <div className="settings-header">
        <h2 className="pane-title">Dependencies</h2>
        <span className="pane-subtitle">
          from <code>require(&apos;…&apos;)</code> in the code and the last run
        </span>
      </div>
      <Suspense fallback={<p className="field-note">Reading the hook&apos;s requires…</p>}>
        <DependenciesTable />
      </Suspense>
    </section>
  );
}
