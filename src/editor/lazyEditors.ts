import { lazy } from 'react';

/**
 * The editors, and Monaco with them, load after the shell has painted. They share one
 * Monaco chunk; whichever asks first fetches it (main.tsx asks for the hook editor as soon
 * as the shell has painted).
 */
export const LazyCodeEditor = lazy(() => import('./CodeEditor'));
export const LazyPayloadEditor = lazy(() => import('./PayloadEditor'));
export const LazyModuleMockEditor = lazy(() => import('./ModuleMockEditor'));
export const LazyVersionDiffEditor = lazy(() => import('./VersionDiffEditor'));
export const LazyTestJsonEditor = lazy(() => import('./TestJsonEditor'));
