import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleBytes } from './bytes.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build folder with these chunks (file name → size in bytes) and this manifest. */
function build(chunks: Record<string, number>, manifest: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hookpad-bytes-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  // Text that does not compress away, so each chunk's size is its own.
  for (const [file, size] of Object.entries(chunks)) {
    const text = Array.from({ length: size }, (_, i) =>
      String.fromCharCode(33 + ((i * 7919) % 90)),
    );
    writeFileSync(join(dir, file), text.join(''));
  }
  writeFileSync(join(dir, '.vite/manifest.json'), JSON.stringify(manifest));
  return dir;
}

const gz = (dir: string, files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file))).length, 0);

describe('bundleBytes', () => {
  const chunks = {
    'assets/index.js': 1_000,
    'assets/startApp.js': 2_000,
    'assets/store.js': 500,
    'assets/CodeEditor.js': 300,
    'assets/editor.api.js': 4_000,
    'assets/features.js': 700, // Monaco split into a small chunk: still Monaco
    'assets/ImportPanel.js': 900, // loaded on first use: neither
    'assets/ts.worker-abc.js': 3_000,
    'assets/workers-def.js': 400, // not a worker despite its name
  };
  const manifest = {
    'index.html': { file: 'assets/index.js', imports: [] },
    'src/startApp.tsx': { file: 'assets/startApp.js', imports: ['_store.js'] },
    '_store.js': { file: 'assets/store.js' },
    'src/editor/CodeEditor.tsx': {
      file: 'assets/CodeEditor.js',
      imports: ['_editor.api.js', '_store.js'],
    },
    '_editor.api.js': { file: 'assets/editor.api.js', imports: ['_features.js'] },
    '_features.js': { file: 'assets/features.js' },
    'src/ui/ImportPanel.tsx': { file: 'assets/ImportPanel.js', imports: ['_store.js'] },
  };

  it('counts the start graph before Monaco, and what the hook editor adds as Monaco', () => {
    const dir = build(chunks, manifest);
    const bytes = bundleBytes(dir);
    const before = ['assets/index.js', 'assets/startApp.js', 'assets/store.js'];
    expect(bytes.beforeMonaco).toEqual({ files: 3, raw: 3_500, gzip: gz(dir, before) });
    // The store is shared with the start: counted there, not again.
    const monaco = ['assets/CodeEditor.js', 'assets/editor.api.js', 'assets/features.js'];
    expect(bytes.monaco).toEqual({ files: 3, raw: 5_000, gzip: gz(dir, monaco) });
    expect(bytes.monacoWorkers).toMatchObject({ files: 1, raw: 3_000 });
    expect(bytes.allJs).toMatchObject({ files: 9, raw: 12_800 });
  });

  it('says which entry the manifest lacks', () => {
    const withoutEditor: Record<string, unknown> = { ...manifest };
    delete withoutEditor['src/editor/CodeEditor.tsx'];
    expect(() => bundleBytes(build(chunks, withoutEditor))).toThrow(
      /no src\/editor\/CodeEditor\.tsx/,
    );
  });
});
