import type { ComponentType } from 'react';
import { EditorLoading } from '../../editor/EditorLoading';
import { lazyPart } from './lazyPart';

/**
 * The editors, and Monaco with them, load after the shell has painted. They share one
 * Monaco chunk; whichever asks first fetches it (main.tsx asks for the hook editor as soon
 * as the shell has painted). An editor whose code is in renders at once (lazyPart).
 */
const editor = <P extends object>(load: () => Promise<{ default: ComponentType<P> }>) =>
  lazyPart(() => load().then((module) => module.default), <EditorLoading />);

const codeEditor = editor(() => import('../../editor/CodeEditor'));
export const LazyCodeEditor = codeEditor.Part;
/**
 * The hook editor's code, which main.tsx has asked for already: once it is in, the editor
 * renders in the app's first commit instead of a commit later.
 */
export const preloadCodeEditor = codeEditor.preload;
export const LazyPayloadEditor = editor(() => import('../../editor/PayloadEditor')).Part;
export const LazyModuleMockEditor = editor(() => import('../../editor/ModuleMockEditor')).Part;
export const LazyVersionDiffEditor = editor(() => import('../../editor/VersionDiffEditor')).Part;
export const LazyTestJsonEditor = editor(() => import('../../editor/TestJsonEditor')).Part;
