// Serves a build's hashed files (`assets/`) as a production host would: cached for good by
// the browser, and compressed once instead of on every request.
//
// `vite preview` (what `npm start` and the end-to-end suite serve the app with) sends every
// file with `Cache-Control: no-cache` and gzips it again for each request. So each load of
// the app asked again for its ~25 script and style files (304s), and a first load waited
// while the server compressed ~4.5 MB. A file under `assets/` has its content's hash in its
// name: it never changes, so the browser may keep it without asking. index.html, the
// service worker and the manifest are not under `assets/` and keep `no-cache`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};
/** Formats that are compressed already: gzip would cost time and save nothing. */
const PACKED = new Set(['.woff', '.woff2', '.png']);

/** Whether the request accepts gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(header) {
  return String(header ?? '')
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(';');
      if (coding !== 'gzip' && coding !== '*') return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
}

/**
 * A connect middleware for `/<prefix>/<name>` where name is a file of `dir` when the
 * middleware was made. A file built later, or removed before its first request, is left to
 * the next middleware, as is anything but a plain GET or HEAD of a whole file. A file is read
 * and gzipped on its first request and kept in memory.
 */
export function immutableAssetsMiddleware(dir, prefix = '/assets/') {
  let names;
  try {
    names = new Set(readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()));
  } catch {
    names = new Set();
  }
  const files = new Map();
  const load = (name) => {
    let file = files.get(name);
    if (!file) {
      const body = readFileSync(join(dir, name));
      const type = extname(name).toLowerCase();
      const gzip = PACKED.has(type) ? null : gzipSync(body, { level: 9 });
      file = {
        body,
        gzip: gzip && gzip.length < body.length ? gzip : null,
        type: TYPES[type] ?? 'application/octet-stream',
        etag: `"${body.length.toString(36)}-${name}"`,
      };
      files.set(name, file);
    }
    return file;
  };
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (!path.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (req.headers.range) return next();
    const name = path.slice(prefix.length);
    if (!names.has(name)) return next();
    let file;
    try {
      file = load(name);
    } catch {
      // Gone since (a new build emptied the folder): no longer one of ours.
      names.delete(name);
      return next();
    }
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('ETag', file.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === file.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const gzip = file.gzip && acceptsGzip(req.headers['accept-encoding']);
    const body = gzip ? file.gzip : file.body;
    res.statusCode = 200;
    res.setHeader('Content-Type', file.type);
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** The Vite plugin: the preview server serves the build's `assets/` with the middleware. */
export function immutableAssets() {
  return {
    name: 'hookpad:immutable-assets',
    configurePreviewServer(server) {
      const { root, build } = server.config;
      const dir = resolve(root, build.outDir, build.assetsDir);
      server.middlewares.use(immutableAssetsMiddleware(dir, `/${build.assetsDir}/`));
    },
  };
}
