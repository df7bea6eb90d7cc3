// A stand-in for the npm registry, served on localhost for the journeys that fetch packages
// (the tests have no internet). The packages are packed from this project's node_modules,
// so they hold the real published code; the metadata is what a registry serves for them.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createTar } from 'nanotar';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What the journeys fetch: a real library, and real JWT and JWKS libraries with their whole trees. */
export const SERVED_ROOTS = ['lodash', 'jsonwebtoken', 'jwks-rsa'];

/** A ustar name field holds 99 characters; longer paths would need headers we do not write. */
const MAX_TAR_PATH = 99;

/** The folder of `name` as Node would find it from `fromDir` (nested node_modules first). */
function findPackageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', ...name.split('/'));
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir)
      throw new Error(`registry: ${name} is not installed (from ${fromDir})`);
  }
}

/** The package's files, as `npm pack` lays them out: under `package/`, no node_modules. */
function packageFiles(dir) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (entry === 'node_modules' && folder === dir) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dir);
  return files.map((path) => {
    const name = `package/${relative(dir, path).split(sep).join('/')}`;
    if (name.length > MAX_TAR_PATH) throw new Error(`registry: path too long to pack: ${name}`);
    return { name, data: readFileSync(path), attrs: { mode: '644', mtime: 499162500000 } };
  });
}

/** A gzipped tarball and its SRI integrity, as the registry's `dist` gives them. */
export function packDirectory(dir) {
  const bytes = gzipSync(createTar(packageFiles(dir)));
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  const shasum = createHash('sha1').update(bytes).digest('hex');
  return { bytes, integrity, shasum };
}

/**
 * Every package the roots need, found as Node would from this project (nested copies
 * included), keyed `name@version`.
 */
export function collectPackages(roots, fromDir = ROOT) {
  const found = new Map();
  const visit = (name, from) => {
    const dir = findPackageDir(name, from);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const key = `${manifest.name}@${manifest.version}`;
    if (found.has(key)) return;
    found.set(key, { name: manifest.name, version: manifest.version, manifest, dir });
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
  };
  for (const root of roots) visit(root, fromDir);
  return found;
}

/**
 * The registry's content: abbreviated metadata per package name and tarballs by path.
 * `corrupt` names packages whose served tarball does not match its integrity.
 */
export function buildRegistry(baseUrl, { roots = SERVED_ROOTS, corrupt = [] } = {}) {
  const packuments = new Map();
  const tarballs = new Map();
  for (const { name, version, manifest, dir } of collectPackages(roots).values()) {
    const { bytes, integrity, shasum } = packDirectory(dir);
    const file = `/-/tarballs/${name.replace('/', '-')}-${version}.tgz`;
    const served = corrupt.includes(name)
      ? Buffer.concat([bytes, Buffer.from('corrupted')])
      : bytes;
    tarballs.set(file, served);
    const packument = packuments.get(name) ?? { name, 'dist-tags': {}, versions: {} };
    packument.versions[version] = {
      name,
      version,
      ...(manifest.dependencies ? { dependencies: manifest.dependencies } : {}),
      dist: { tarball: `${baseUrl}${file}`, integrity, shasum },
    };
    const latest = packument['dist-tags'].latest;
    if (!latest || compareVersions(version, latest) > 0) packument['dist-tags'].latest = version;
    packuments.set(name, packument);
  }
  return { packuments, tarballs };
}

/** Enough of semver's order for the versions one project installs (no prereleases). */
function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * Serves the registry: GET /<name> (metadata), GET /-/tarballs/… (bytes), with CORS, since
 * the app fetches from its own origin. Anything else is npm's 404.
 */
export async function startRegistry(port, options = {}) {
  let content = { packuments: new Map(), tarballs: new Map() };
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Accept');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const path = new URL(req.url ?? '/', 'http://registry').pathname;
    const tarball = content.tarballs.get(path);
    if (tarball) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      return void res.end(tarball);
    }
    const packument = content.packuments.get(decodeURIComponent(path.slice(1)));
    if (packument) {
      res.writeHead(200, { 'Content-Type': 'application/vnd.npm.install-v1+json' });
      return void res.end(JSON.stringify(packument));
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'Not found' }));
  });
  await new Promise((listening) => server.listen(port, '127.0.0.1', listening));
  // Port 0 asks for a free port: the tarball addresses need the one given.
  const url = `http://127.0.0.1:${server.address().port}`;
  content = buildRegistry(url, options);
  return { server, url, packuments: content.packuments };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2]);
  const corrupt = (process.env.HOOKPAD_REGISTRY_CORRUPT ?? '').split(',').filter(Boolean);
  await startRegistry(port, { corrupt });
}
