// The sandbox's scripts, bundled for vite.config.ts (plugin `hookpad-sandbox`): the frame's,
// the hook worker's, and the worker's late modules.
import { rolldown } from 'rolldown';
import { fileURLToPath } from 'node:url';

const src = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
export const FRAME_ENTRY = src('sandbox/frame.ts');
export const WORKER_ENTRY = src('sandbox/hook.worker.ts');
/** The worker's loader of late modules (its `loadLateModule` replaces each of them). */
const LATE_LOADER = src('sandbox/lateModules.ts');
/** Where the late modules' specifiers are written (core/node/loadPorts.cjs and its kin). */
const SPECIFIERS_FROM = src('core/node/loadPorts.cjs');

/**
 * Large packages that a hook needs only now and then. Every run's worker compiles its whole
 * script before it can start, so these are left out of it: each becomes a script of its own,
 * which the worker compiles when a hook first requires it (src/sandbox/lateModules.ts). They
 * were 0.49 MiB of the worker's 0.71 MiB (minified). The engine reaches each one only through a lazy
 * `require()` (loadPorts.cjs, loadAxios.cjs, loadAcorn.cjs), never an ES import, which would
 * load it as the worker starts. A group's last specifier is its value; the ones before it are
 * required first for their side effects (node-forge registers its parts on one object).
 */
export const LATE_MODULES = {
  acorn: ['acorn'],
  assert: ['assert/'],
  axios: ['axios/dist/browser/axios.cjs'],
  fflate: ['fflate'],
  forge: ['node-forge/lib/rsa', 'node-forge/lib/aes', 'node-forge/lib/forge'],
  stream: ['readable-stream'],
  url: ['url/'],
};

/**
 * Modules a late module takes from the worker's script instead of bundling a copy: where a
 * copy would break identity (`instanceof Buffer`, `instanceof EventEmitter`, one
 * `util.inspect.custom`). The worker hands them over by these names (SHARED in
 * src/sandbox/lateModules.ts); smaller helpers without state (polyfills of intrinsics) may
 * be copied.
 */
export const SHARED_MODULES = ['buffer/', 'events/', 'util/', 'string_decoder/'];

const LATE_BY_SPECIFIER = new Map(
  Object.entries(LATE_MODULES).flatMap(([name, specifiers]) =>
    specifiers.map((specifier) => [specifier, name]),
  ),
);
const LATE_ID = '\0hookpad-late:';

const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
/** A bare specifier of a shared module's package (`util`, `node:util`, `util/util.js`…). */
const SHARED_SPECIFIER = new RegExp(
  `^(node:)?(${SHARED_MODULES.map((specifier) => specifier.replace(/\/$/, '')).join('|')})(/|$)`,
);

const OUTPUT = {
  // ASCII (escaped) and without JSDoc: the frame's script is a one-byte string in the page
  // (srcdoc), and the late modules' file is cut into Blobs by byte ranges, which needs a
  // character to be a byte (vite.config.ts, hookpad-sandbox).
  charset: 'ascii',
  comments: { legal: true, annotation: false, jsdoc: false },
};

/** In the worker's script, each late module's specifier is a call to the loader. */
const lateStubs = {
  name: 'hookpad-late-stubs',
  resolveId: {
    // Only these specifiers reach the hook: every other import is resolved without a call
    // into JavaScript.
    filter: { id: [...LATE_BY_SPECIFIER.keys()].map((specifier) => exactly(specifier)) },
    handler: (source) => LATE_ID + LATE_BY_SPECIFIER.get(source),
  },
  load(id) {
    if (!id.startsWith(LATE_ID)) return null;
    const name = id.slice(LATE_ID.length);
    return `module.exports = require(${JSON.stringify(LATE_LOADER)}).loadLateModule(${JSON.stringify(name)});`;
  },
};

async function generate(input, options, { format, minify }) {
  const build = await rolldown({ platform: 'browser', logLevel: 'warn', ...options, input });
  try {
    const { output } = await build.generate({ format, minify, ...OUTPUT });
    const chunk = output[0];
    return { code: chunk.code, modules: Object.keys(chunk.modules) };
  } finally {
    await build.close();
  }
}

/** One late module as a CommonJS script: `module.exports` is its value; `require` is SHARED. */
async function bundleLate(name, minify) {
  const specifiers = LATE_MODULES[name];
  const entry = `${LATE_ID}entry:${name}`;
  const shared = new Map();
  const code = specifiers
    .map((specifier, i) =>
      i === specifiers.length - 1
        ? `module.exports = require(${JSON.stringify(specifier)});`
        : `require(${JSON.stringify(specifier)});`,
    )
    .join('\n');
  return generate(
    entry,
    {
      plugins: [
        {
          name: 'hookpad-late-entry',
          async buildStart() {
            for (const specifier of SHARED_MODULES) {
              const resolved = await this.resolve(specifier, SPECIFIERS_FROM);
              if (!resolved) throw new Error(`cannot resolve the shared module ${specifier}`);
              shared.set(resolved.id, specifier);
            }
          },
          resolveId: {
            // The entry, and the specifiers that may name a shared module (a package's root
            // or a file of it): every other import is resolved without a call into JavaScript.
            filter: { id: [exactly(entry), SHARED_SPECIFIER] },
            async handler(source, importer) {
              if (source === entry) return entry;
              const from =
                importer === undefined || importer === entry ? SPECIFIERS_FROM : importer;
              const resolved = await this.resolve(source, from, { skipSelf: true });
              const name = resolved && shared.get(resolved.id);
              return name ? { id: name, external: true } : resolved;
            },
          },
          load: (id) => (id === entry ? code : null),
        },
      ],
    },
    { format: 'cjs', minify },
  );
}

const isPackageOf = (specifier) => {
  const name = specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
  return (file) => file.includes(`/node_modules/${name}/`);
};

/**
 * Bundles the frame's script, the worker's and the worker's late modules. Fails if the
 * worker's script still holds a late module's package: it would be compiled by every worker
 * and, once required, exist twice.
 */
export async function bundleSandbox({ minify }) {
  const names = Object.keys(LATE_MODULES);
  const [worker, frame, ...late] = await Promise.all([
    generate(WORKER_ENTRY, { plugins: [lateStubs] }, { format: 'iife', minify }),
    generate(FRAME_ENTRY, {}, { format: 'iife', minify }),
    ...names.map((name) => bundleLate(name, minify)),
  ]);
  for (const specifier of LATE_BY_SPECIFIER.keys()) {
    const inWorker = worker.modules.find(isPackageOf(specifier));
    if (inWorker) {
      throw new Error(
        `The hook worker's script bundles ${inWorker}, a late module's package (${specifier}): ` +
          'reach it only through a lazy require() of its specifier (scripts/sandboxBundles.mjs).',
      );
    }
  }
  return {
    frame,
    worker,
    late: Object.fromEntries(names.map((name, i) => [name, late[i]])),
  };
}
