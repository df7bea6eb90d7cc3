// Baseline for the benchmark: one Monaco editor, loaded the way Hookpad loads it
// (@monaco-editor/react, the local monaco-editor bundle, a lazy chunk, the editor worker).
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

const BareEditor = lazy(() => import('./BareEditor'));

createRoot(document.getElementById('root')!).render(
  <Suspense fallback={<p>Loading…</p>}>
    <BareEditor />
  </Suspense>,
);
