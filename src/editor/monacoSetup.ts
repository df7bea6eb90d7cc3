/**
 * The one place that configures Monaco. It is imported only by the lazily loaded editor
 * components, so the app shell paints before Monaco's ~1 MiB arrive.
 *
 * Monaco is bundled from node_modules (never a CDN): `loader.config({ monaco })` hands the
 * bundled instance to @monaco-editor/react, whose default would fetch it from jsDelivr.
 * Only what Hookpad uses is imported: the editor API, the editor features, the JavaScript
 * grammar and the JSON and TypeScript/JavaScript language services.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import { javascriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { payloadJsonSchema } from '../core/jsonSchemas';
import { points } from '../core/points';
import { afterSandboxStart, afterStartup, whenEditorReady } from '../perf/editorReady';
import { appStore } from '../store';
import { bindModelsToStore } from './bindModelsToStore';
import { HOOK_GLOBALS_TYPINGS } from './hookGlobalsTypings';
import { defineHookpadThemes } from './hookpadThemes';
import { expectationsJsonSchema, testOverridesJsonSchema } from '../core/testCases/testJsonSchemas';
import { payloadModelPattern, testExpectationsModelUri, testOverridesModelUri } from './modelUris';
import { MODULE_TYPINGS } from './moduleTypings';
import { syncPointTypings } from './syncPointTypings';
import { syncRunMarkers } from './syncRunMarkers';
import { whenEditingJavaScript } from './whenEditingJavaScript';

/** Without a focus in JavaScript, TypeScript's worker starts this long after the sandbox. */
const TYPESCRIPT_QUIET_START_MS = 10_000;
const editingJavaScript = whenEditingJavaScript(
  monaco.editor,
  afterSandboxStart(),
  TYPESCRIPT_QUIET_START_MS,
);

self.MonacoEnvironment = {
  // The language services' workers (JSON: ~0.5 MiB, TypeScript: ~7 MiB of script to fetch,
  // parse and warm up, ~2 s of CPU) start once the hook editor is up and then the sandbox,
  // so they compete with neither for the CPU: a Run right after opening the app does not
  // wait for them. TypeScript's also waits for JavaScript to be edited (a focus) or for a
  // quiet moment (whenEditingJavaScript). Until then the payload's squiggles and the code's
  // completions simply wait. The editor's own worker is needed at once.
  getWorker(_workerId, label) {
    if (label === 'json') return afterSandboxStart().then(() => new JsonWorker());
    if (label === 'typescript' || label === 'javascript') {
      return Promise.all([afterSandboxStart(), editingJavaScript])
        .then(() => import('monaco-editor/languages/features/typescript/ts.worker?worker'))
        .then(({ default: TsWorker }) => new TsWorker());
    }
    return new EditorWorker();
  },
};

javascriptDefaults.setCompilerOptions({
  allowJs: true,
  checkJs: false,
  allowNonTsExtensions: true,
  target: 99 /* ScriptTarget.ESNext */,
  lib: ['es2022'],
});
// Syntax errors are underlined as you type; type checking plain JS would mostly be noise.
javascriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: true,
  noSyntaxValidation: false,
  noSuggestionDiagnostics: true,
});
javascriptDefaults.addExtraLib(HOOK_GLOBALS_TYPINGS, 'file:///typings/hook-globals.d.ts');
javascriptDefaults.addExtraLib(MODULE_TYPINGS, 'file:///typings/modules.d.ts');
// The selected hook's own declarations (point, secrets), ready when the TypeScript worker starts.
void afterStartup().then(() => syncPointTypings(javascriptDefaults, appStore));

loader.config({ monaco });
defineHookpadThemes(monaco);
const models = bindModelsToStore(monaco, appStore);
syncRunMarkers(monaco, appStore);

/**
 * The payload editor mounts after the hook editor (two editors created in the same frame
 * would both be ready only when the second one is). Its model, and with it the JSON
 * language service and the points' JSON Schemas (z.toJSONSchema of five bodies), are
 * prepared then too, schemas first so the service starts with them.
 */
export const payloadEditorReady: Promise<void> = whenEditorReady().then(() => {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    // The payload goes through JSON.parse, which accepts neither comments nor trailing commas.
    allowComments: false,
    comments: 'error',
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [
      ...points.map((point) => ({
        uri: `hookpad://schemas/${point.id}.json`,
        fileMatch: [payloadModelPattern(point.id)],
        schema: payloadJsonSchema(point.id),
      })),
      // The "Edit test" dialog's expectations and overrides.
      {
        uri: 'hookpad://schemas/test-expectations.json',
        fileMatch: [testExpectationsModelUri('*')],
        schema: expectationsJsonSchema(),
      },
      {
        uri: 'hookpad://schemas/test-overrides.json',
        fileMatch: [testOverridesModelUri('*')],
        schema: testOverridesJsonSchema(),
      },
    ],
  });
  models.ensure(appStore.getState().selectedHookId, 'payloadText');
});

// Lint hints and the payload's type warnings (advice; both read with acorn, ~170 KiB),
// once the page has started up and the sandbox too.
void afterSandboxStart()
  .then(() => Promise.all([import('./syncLintMarkers'), import('./syncPayloadWarnings')]))
  .then(([{ syncLintMarkers }, { syncPayloadWarnings }]) => {
    syncLintMarkers(monaco, appStore);
    syncPayloadWarnings(monaco);
  })
  .catch((error: unknown) => console.warn('Hookpad lint could not start:', error));

export { monaco };
