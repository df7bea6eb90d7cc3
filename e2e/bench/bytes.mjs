// What the built app makes the browser download: JavaScript before Monaco and after.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/**
 * What the entry (src/main.tsx) imports as soon as the shell has painted, besides the hook
 * editor: the app itself. The hook editor (src/editor/CodeEditor.tsx) brings Monaco, which
 * is counted as Monaco; the app's chunks it shares are counted here already.
 */
const LOADED_AT_START = ['src/startApp.tsx'];
/** The hook editor's module: what its import graph adds to the start is counted as Monaco. */
const HOOK_EDITOR = 'src/editor/CodeEditor.tsx';

/**
 * JS bytes the app loads before Monaco (the entry, what it loads at start, and their static
 * imports, walked in Vite's build manifest), what the hook editor adds (Monaco), and the rest.
 * @param {string} outDir the build's folder, built with `build.manifest: true`
 */
export function bundleBytes(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  /** Adds `key`'s chunk and its static imports to `files`. */
  const visit = (files, key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(files, dep);
  };
  const entry = (key) => {
    if (!manifest[key]) throw new Error(`the build manifest has no ${key}: update bytes.mjs`);
    return key;
  };
  const initial = new Set();
  visit(initial, 'index.html');
  for (const key of LOADED_AT_START) visit(initial, entry(key));
  const editorGraph = new Set();
  visit(editorGraph, entry(HOOK_EDITOR));
  const sizes = (files) =>
    files.reduce(
      (acc, file) => {
        const buf = readFileSync(join(outDir, file));
        return { raw: acc.raw + buf.length, gzip: acc.gzip + gzipSync(buf).length };
      },
      { raw: 0, gzip: 0 },
    );
  const assets = readdirSync(join(outDir, 'assets')).map((f) => `assets/${f}`);
  const js = assets.filter((f) => f.endsWith('.js'));
  // Exactly the editor's graph, not "large chunks": a build that splits Monaco differently
  // cannot move code out of this figure without removing it.
  const monacoCore = [...editorGraph].filter((f) => !initial.has(f));
  // Monaco's language-service workers (ts.worker-…, json.worker-…, editor.worker-…).
  const workers = js.filter((f) => /\.worker-[^/]+\.js$/.test(f));
  return {
    beforeMonaco: { files: [...initial].length, ...sizes([...initial]) },
    monaco: { files: monacoCore.length, ...sizes(monacoCore) },
    monacoWorkers: { files: workers.length, ...sizes(workers) },
    allJs: { files: js.length, ...sizes(js) },
  };
}
