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
import { appStore } from '../store';
import { bindModelsToStore } from './bindModelsToStore';
import { HOOK_GLOBALS_TYPINGS } from './hookGlobalsTypings';
import { payloadModelUri } from './modelUris';
import { syncLintMarkers } from './syncLintMarkers';
import { syncRunMarkers } from './syncRunMarkers';

self.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'json') return new JsonWorker();
    if (label === 'typescript' || label === 'javascript') {
      // The TypeScript worker is ~1.5 MiB: fetched only when the JavaScript service starts.
      return import('monaco-editor/languages/features/typescript/ts.worker?worker').then(
        ({ default: TsWorker }) => new TsWorker(),
      );
    }
    return new EditorWorker();
  },
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  // The payload goes through JSON.parse, which accepts neither comments nor trailing commas.
  allowComments: false,
  comments: 'error',
  trailingCommas: 'error',
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: points.map((point) => ({
    uri: `hookpad://schemas/${point.id}.json`,
    fileMatch: [payloadModelUri(point.id)],
    schema: payloadJsonSchema(point.id),
  })),
});

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

loader.config({ monaco });
bindModelsToStore(monaco, appStore);
syncRunMarkers(monaco, appStore);
syncLintMarkers(monaco);

export { monaco };
