#!/usr/bin/env node
// The `hookpad` command. The runner is TypeScript bundled by Vite (`vite build --mode cli`)
// into node_modules/.hookpad-cli/; this launcher builds it first when the bundle is missing
// or older than the sources it is made of, then runs it. HOOKPAD_CLI_DIR names another bundle
// folder (tests build their own, so parallel builds never meet); HOOKPAD_CLI_NO_BUILD=1 uses
// the bundle as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = resolve(root, process.env.HOOKPAD_CLI_DIR ?? join('node_modules', '.hookpad-cli'));
const bundle = join(outDir, 'main.mjs');
const SOURCES = ['src/cli', 'src/core', 'src/workspace'];

function newestSource(folder) {
  let newest = 0;
  for (const item of readdirSync(folder, { withFileTypes: true })) {
    // Fixtures and tests are not part of the bundle.
    if (item.name === 'fixtures' || item.name.endsWith('.test.ts')) continue;
    const path = join(folder, item.name);
    newest = Math.max(newest, item.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return SOURCES.some((folder) => newestSource(join(root, folder)) > built);
}

if (process.env.HOOKPAD_CLI_NO_BUILD !== '1' && isStale()) {
  process.stderr.write('hookpad: building the test runner (vite build --mode cli)…\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--mode', 'cli', '--outDir', outDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) {
    process.stderr.write('hookpad: the build of the test runner failed (see above).\n');
    process.exit(2);
  }
}

const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
