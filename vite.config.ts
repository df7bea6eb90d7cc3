import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import Beasties from 'beasties';
import { immutableAssets } from './scripts/immutableAssets.mjs';
import { bundleSandbox } from './scripts/sandboxBundles.mjs';

const SANDBOX_ID = 'virtual:hook-sandbox';
const SOURCES_ID = 'virtual:hook-sandbox-sources';
/** Where the dev server serves the worker's scripts (the build emits them as assets). */
const DEV_PATH = '@hookpad-sandbox/';

/**
 * The sandbox iframe has an opaque origin and a CSP without network access, so it cannot
 * load scripts from the app's server. Its code and the hook worker's are therefore bundled
 * into self-contained scripts (scripts/sandboxBundles.mjs). The frame's (small) is inlined
 * into the iframe's srcdoc. The worker's (~0.3 MiB) and its late modules' are files the host
 * fetches as Blobs and hands to the frame: as strings inside the app's JavaScript they cost the
 * page a parse of ~0.75 MiB and a copy into Blobs on its main thread (~130 ms and ~50–80 ms of a
 * first Run on 2 CPUs). `virtual:hook-sandbox-sources` gives the unit tests the same scripts
 * as text. Dev and production behave the same.
 */
function hookSandbox(): Plugin {
  let minify = false;
  let serve = false;
  let base = '/';
  /** The dev server's copies of the scripts, by path. */
  const served = new Map<string, string>();
  return {
    name: 'hookpad-sandbox',
    configResolved(config) {
      minify = config.command === 'build';
      serve = config.command === 'serve';
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const code = served.get((request.url ?? '').split('?')[0]!);
        if (code === undefined) return next();
        response.setHeader('Content-Type', 'text/javascript');
        response.end(code);
      });
    },
    resolveId: {
      filter: { id: new RegExp(`^(${SANDBOX_ID}|${SOURCES_ID})$`) },
      handler: (id) => `\0${id}`,
    },
    load: {
      filter: { id: new RegExp(`^\0(${SANDBOX_ID}|${SOURCES_ID})$`) },
      async handler(id) {
        const { frame, worker, late } = await bundleSandbox({ minify });
        const bundles = [frame, worker, ...Object.values(late)];
        for (const file of bundles.flatMap((bundle) => bundle.modules)) {
          if (!file.startsWith('\0') && !file.includes('node_modules')) this.addWatchFile(file);
        }
        const lateEntries = Object.entries(late);
        if (id === `\0${SOURCES_ID}`) {
          const lateScripts = Object.fromEntries(lateEntries.map(([n, b]) => [n, b.code]));
          return (
            `export const workerScript = ${JSON.stringify(worker.code)};\n` +
            `export const lateModuleScripts = ${JSON.stringify(lateScripts)};`
          );
        }
        const url = (name: string, code: string) => {
          if (serve) {
            const path = `${base}${DEV_PATH}${name}.js`;
            served.set(path, code);
            return JSON.stringify(
              `${path}?v=${createHash('sha256').update(code).digest('hex').slice(0, 8)}`,
            );
          }
          const ref = this.emitFile({ type: 'asset', name: `${name}.js`, source: code });
          return `import.meta.ROLLUP_FILE_URL_${ref}`;
        };
        // The late modules travel as one file, cut into one Blob each by these ranges: two
        // requests for the sandbox instead of seven, which queued on HTTP/1.1's six connections.
        // The scripts are ASCII (sandboxBundles.mjs), so a character is a byte.
        let offset = 0;
        const lateRanges = lateEntries.map(([name, bundle]) => {
          if (/[\u0080-\uffff]/.test(bundle.code)) throw new Error(`${name}'s script is not ASCII`);
          offset += bundle.code.length;
          return [name, [offset - bundle.code.length, offset]];
        });
        const lateFile = lateEntries.map(([, bundle]) => bundle.code).join('');
        return (
          `export const frameScript = ${JSON.stringify(frame.code)};\n` +
          `export const workerScriptUrl = ${url('sandbox-worker', worker.code)};\n` +
          `export const lateModulesUrl = ${url('sandbox-late-modules', lateFile)};\n` +
          `export const lateModuleRanges = ${JSON.stringify(Object.fromEntries(lateRanges))};`
        );
      },
    },
  };
}

const START_APP = fileURLToPath(new URL('./src/startApp.tsx', import.meta.url));

/**
 * The entry (src/main.tsx) is tiny: it lets index.html's shell paint, then imports the app
 * and the hook editor. The shell uses the app's own classes, so the app's style sheets are
 * linked from index.html as the entry's are, in the same order. The app's scripts are not
 * hinted there: modulepreload hints made the browser fetch and compile ~5 MiB (Monaco
 * included) before its first frame, which held the first paint back by ~0.4 s and made the
 * editor no sooner (bench, FCP and editor-ready, with and without them). The entry's
 * imports fetch every chunk of a graph at once anyway.
 */
function linkAppStyles(): Plugin {
  let base = '/';
  return {
    name: 'hookpad-link-app-styles',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return;
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const app = chunks.find((chunk) => chunk.facadeModuleId === START_APP);
        if (!app) throw new Error(`${START_APP} has no chunk of its own in the build`);
        // The entry's own sheets are linked by Vite already; its chunks are not walked.
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const seen = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || entries.has(fileName) || seen.has(fileName)) return;
          seen.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(app.fileName);
        return [...styles].map((file) => ({
          tag: 'link',
          attrs: { rel: 'stylesheet', crossorigin: true, href: base + file },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The first paint waits for no style sheet: the rules index.html's shell uses are inlined in
 * its head (beasties), and the full sheets are only preloaded (`data-app-style`). The entry
 * applies them once the shell has painted (src/ui/shell/stylesApplied.ts), and the app
 * replaces the shell only then, so nothing is ever drawn unstyled. A linked sheet held the
 * first paint back by its round trip; even a non-blocking one (`media="print"`) cost ~40 ms
 * when it arrived, and was parsed, before the first frame. Runs after linkAppStyles.
 */
function inlineShellStyles(): Plugin {
  let base = '/';
  return {
    name: 'hookpad-inline-shell-styles',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        if (!bundle) return html;
        const sheets = new Map(
          Object.values(bundle)
            .filter((output) => output.type === 'asset' && output.fileName.endsWith('.css'))
            .map((asset) => [asset.fileName, asset.type === 'asset' ? String(asset.source) : '']),
        );
        // The links become preloads, and beasties inlines the shell's rules from the sheets.
        const sheetLink = /<link rel="stylesheet" crossorigin href="([^"]+\.css)">/g;
        const linked = [...html.matchAll(sheetLink)].map((match) => match[1]!);
        if (linked.length === 0) throw new Error('index.html links no style sheet to defer');
        const beasties = new (class extends Beasties {
          // The sheets are still in the bundle, not yet on disk.
          override readFile(filename: string) {
            const sheet = [...sheets].find(([name]) => filename.endsWith(`/${name}`));
            if (!sheet) throw new Error(`index.html links ${filename}, which the build has not`);
            return sheet[1];
          }
        })({ path: '/', publicPath: base, additionalStylesheets: linked, logLevel: 'warn' });
        return beasties.process(
          html.replace(
            sheetLink,
            '<link rel="preload" as="style" crossorigin href="$1" data-app-style>',
          ),
        );
      },
    },
  };
}

/**
 * Offline use (README, Offline): a service worker precaches the whole build, Monaco and its
 * workers included, so after one visit the app opens, opens share links and runs hooks with
 * the network off. The sandbox needs nothing more: its frame and worker are inline (srcdoc
 * and blob:). A new build waits until the user chooses Reload (src/ui/pwa), and the app
 * registers the worker itself, only in production builds.
 */
const offlineApp = () =>
  VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Hookpad',
      short_name: 'Hookpad',
      description: 'Write, run and share Auth0-style Hooks in the browser.',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      theme_color: '#3b5bdb',
      background_color: '#ffffff',
      icons: [
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      ],
    },
    workbox: {
      // The manifest and its icons (favicon.svg among them) are added by the plugin.
      globPatterns: ['**/*.{html,js,css,ttf,woff2}'],
      // Monaco's TypeScript worker is ~7 MiB before compression; the build fails rather than
      // leave out a file larger than this.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      // A share link (`/#share=…`, or any path with a query) opens the app offline.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The first worker controls the page that installed it; a later one still waits for
      // Reload (no skipWaiting), so this never swaps a build under the user.
      clientsClaim: true,
    },
  });

const { version } = JSON.parse(
  readFileSync(fileURLToPath(new URL('./package.json', import.meta.url)), 'utf8'),
) as { version: string };

/** Where `vite build --mode cli` puts the command-line runner (git-ignored, like node_modules). */
export const CLI_OUT_DIR = 'node_modules/.hookpad-cli';

/**
 * The command-line test runner (src/cli): a Node bundle of the CLI and of the worker that runs
 * one test. Everything is bundled, so a hook's `require('util')` gets the same npm port as in
 * the browser; only Node's own modules stay imports.
 */
const cliConfig = {
  define: { __HOOKPAD_VERSION__: JSON.stringify(version) },
  logLevel: 'warn' as const,
  publicDir: false as const,
  ssr: { noExternal: true as const },
  build: {
    ssr: true,
    target: 'node20',
    outDir: CLI_OUT_DIR,
    emptyOutDir: true,
    minify: false,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./src/cli/main.ts', import.meta.url)),
        testWorker: fileURLToPath(new URL('./src/cli/testWorker.ts', import.meta.url)),
      },
      output: {
        format: 'es' as const,
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
};

export default defineConfig(({ mode }) =>
  mode === 'cli'
    ? cliConfig
    : {
        plugins: [
          react(),
          hookSandbox(),
          linkAppStyles(),
          inlineShellStyles(),
          offlineApp(),
          immutableAssets(),
        ],
        // The reproduction report names the Hookpad that made it.
        define: { __HOOKPAD_VERSION__: JSON.stringify(version) },
        worker: { format: 'es' },
        build: {
          target: 'es2022',
          chunkSizeWarningLimit: 5000,
          // Monaco makes the build spend its time in plugins; the report of it is only noise.
          rolldownOptions: { checks: { pluginTimings: false } },
        },
        preview: { port: 4173, strictPort: true },
        server: { port: 5173 },
      },
);
