// What the built app makes the browser download: JavaScript before Monaco and after.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/**
 * What the entry (src/main.tsx) imports as soon as the shell has painted, besides the hook
 * editor: the app itself. The hook editor (src/editor/CodeEditor.tsx) brings Monaco, which
 * is counted as Monaco; the app's chunks it shares are counted here already.
 */
const LOADED_AT_START = ['src/startApp.tsx'];

/**
 * JS bytes the app loads before Monaco (the entry, what it loads at start, and their static
 * imports, walked in Vite's build manifest) vs. the rest.
 * @param {string} outDir the build's folder, built with `build.manifest: true`
 */
export function bundleBytes(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('index.html');
  for (const key of LOADED_AT_START) {
    if (!manifest[key]) throw new Error(`the build manifest has no ${key}: update LOADED_AT_START`);
    visit(key);
  }
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
  const monacoCore = js.filter(
    (f) => !initial.has(f) && !/worker/i.test(f) && statSync(join(outDir, f)).size > 500_000,
  );
  const workers = js.filter((f) => /worker/i.test(f));
  return {
    beforeMonaco: { files: [...initial].length, ...sizes([...initial]) },
    monaco: { files: monacoCore.length, ...sizes(monacoCore) },
    monacoWorkers: { files: workers.length, ...sizes(workers) },
    allJs: { files: js.length, ...sizes(js) },
  };
}
