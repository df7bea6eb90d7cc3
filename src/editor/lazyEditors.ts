import { lazy } from 'react';

/**
 * The editors, and Monaco with them, load after the shell has painted. Both share one
 * Monaco chunk; whichever asks first fetches it.
 */
let codeEditorModule: Promise<typeof import('./CodeEditor')> | null = null;
/** Starts loading the hook editor (and Monaco); main.tsx calls it once the shell has painted. */
export const loadCodeEditor = () => (codeEditorModule ??= import('./CodeEditor'));
export const LazyCodeEditor = lazy(loadCodeEditor);
export const LazyPayloadEditor = lazy(() => import('./PayloadEditor'));
export const LazyModuleMockEditor = lazy(() => import('./ModuleMockEditor'));
export const LazyVersionDiffEditor = lazy(() => import('./VersionDiffEditor'));
export const LazyTestJsonEditor = lazy(() => import('./TestJsonEditor'));
