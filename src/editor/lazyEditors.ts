import { lazy } from 'react';

/**
 * The editors, and Monaco with them, load after the shell has painted. Both share one
 * Monaco chunk; whichever asks first fetches it.
 */
export const LazyCodeEditor = lazy(() => import('./CodeEditor'));
export const LazyPayloadEditor = lazy(() => import('./PayloadEditor'));
export const LazyModuleMockEditor = lazy(() => import('./ModuleMockEditor'));
export const LazyVersionDiffEditor = lazy(() => import('./VersionDiffEditor'));
