import { exports as resolveExports, imports as resolveImports } from 'resolve.exports';
import { packageError } from './packageErrors';
import { packageLabel, type InstalledPackage, type PackageIndex } from './packageTree';
import { joinTreePath, nodeModulesPaths, normalizeTreePath, splitPackageRequest } from './treePath';

// Node's CommonJS resolution (the "require(X) from module at path Y" algorithm of Node's
// modules documentation) over a package tree. Core modules are the caller's business: by the
// time a request gets here it names a file of the tree or a package.

/** Where a request led: a file of the tree. */
export interface ResolvedFile {
  path: string;
}

const EXTENSIONS = ['.js', '.json'];
const INDEXES = ['index.js', 'index.json'];

function isRelative(request: string): boolean {
  return (
    request === '.' ||
    request === '..' ||
    request.startsWith('./') ||
    request.startsWith('../') ||
    request.startsWith('/')
  );
}

/** `from` is the requiring file's directory ('' for the hook, at the tree's root). */
export function resolvePackageModule(
  index: PackageIndex,
  request: string,
  from: string,
): ResolvedFile | undefined {
  if (isRelative(request)) {
    const target = joinTreePath(from, request);
    const found =
      target === undefined
        ? undefined
        : (loadAsFile(index, target) ?? loadAsDirectory(index, target));
    return found === undefined ? undefined : { path: found };
  }
  if (request.startsWith('#')) return resolveImport(index, request, from);
  const found = loadNodeModules(index, request, from);
  return found === undefined ? undefined : { path: found };
}

/**
 * The hook's `require('name@version')`: the installed copy of that version (the hoisted one
 * when it matches, else any nested one), then the subpath in it; undefined when the tree
 * holds no copy at that version.
 */
export function resolvePinnedPackage(
  index: PackageIndex,
  request: string,
  version: string,
): { file: ResolvedFile; installed: InstalledPackage } | undefined {
  const split = splitPackageRequest(request);
  if (split === undefined) return undefined;
  const installed = index.packages.get(split.name)?.find((copy) => copy.version === version);
  if (installed === undefined) return undefined;
  const path = loadPackage(index, installed.root, split.name, split.subpath);
  return path === undefined ? undefined : { file: { path }, installed };
}

function loadAsFile(index: PackageIndex, path: string): string | undefined {
  if (path === '') return undefined;
  if (index.files.has(path)) return path;
  for (const extension of EXTENSIONS) {
    if (index.files.has(path + extension)) return path + extension;
  }
  return undefined;
}

function loadIndex(index: PackageIndex, directory: string): string | undefined {
  for (const name of INDEXES) {
    const path = directory === '' ? name : `${directory}/${name}`;
    if (index.files.has(path)) return path;
  }
  return undefined;
}

function loadAsDirectory(index: PackageIndex, directory: string): string | undefined {
  const main = mainOf(index, directory);
  if (main !== undefined) {
    const target = joinTreePath(directory, main);
    const found =
      target === undefined ? undefined : (loadAsFile(index, target) ?? loadIndex(index, target));
    // Node then falls back to the folder's index (deprecated, still done).
    if (found !== undefined) return found;
  }
  return loadIndex(index, directory);
}

function mainOf(index: PackageIndex, directory: string): string | undefined {
  if (!index.files.has(`${directory}/package.json`)) return undefined;
  const manifest = manifestOrThrow(index, directory);
  return typeof manifest.main === 'string' && manifest.main !== '' ? manifest.main : undefined;
}

function loadNodeModules(index: PackageIndex, request: string, from: string): string | undefined {
  const split = splitPackageRequest(request);
  if (split === undefined) return undefined;
  for (const folder of nodeModulesPaths(from)) {
    const root = `${folder}/${split.name}`;
    const found = loadPackage(index, root, split.name, split.subpath);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A package's `exports` when it has them (authoritative), else its files and folders. */
function loadPackage(
  index: PackageIndex,
  root: string,
  name: string,
  subpath: string,
): string | undefined {
  const manifest = index.files.has(`${root}/package.json`) ? manifestOrThrow(index, root) : {};
  if (manifest.exports !== undefined && manifest.exports !== null) {
    return resolveExported(index, root, name, manifest.exports, subpath);
  }
  const path = subpath === '.' ? root : joinTreePath(root, subpath);
  if (path === undefined || (path !== root && !path.startsWith(`${root}/`))) return undefined;
  return loadAsFile(index, path) ?? loadAsDirectory(index, path);
}

function resolveExported(
  index: PackageIndex,
  root: string,
  name: string,
  exportsField: unknown,
  subpath: string,
): string {
  let targets: string[] | void;
  try {
    // Only name and exports: no other manifest key reaches the library.
    targets = resolveExports({ name, exports: exportsField } as never, subpath, {
      require: true,
      conditions: ['node'],
    });
  } catch {
    targets = undefined;
  }
  const label = labelOf(index, root, name);
  const target = targets?.[0];
  if (target === undefined) {
    throw packageError(
      'ERR_PACKAGE_PATH_NOT_EXPORTED',
      `Package subpath '${subpath}' is not defined by "exports" in ${root}/package.json (package ${label})`,
    );
  }
  const path = targetPath(root, target);
  if (path === undefined) {
    throw packageError(
      'ERR_INVALID_PACKAGE_TARGET',
      `Invalid "exports" target '${target}' for '${subpath}' in ${root}/package.json (package ${label}): targets must stay inside the package`,
    );
  }
  // An exported target is the file itself: Node adds no extension and no index to it.
  if (!index.files.has(path)) {
    throw packageError(
      'MODULE_NOT_FOUND',
      `Cannot find module '${path}': "exports" of package ${label} maps '${subpath}' to it, and the package has no such file`,
    );
  }
  return path;
}

/** `./lib/x.js` in a package → its tree path; undefined for targets Node refuses. */
function targetPath(root: string, target: string): string | undefined {
  if (!target.startsWith('./')) return undefined;
  const segments = target.slice(2).split('/');
  if (segments.some((segment) => segment === '..' || segment === 'node_modules')) return undefined;
  const path = normalizeTreePath(`${root}/${target.slice(2)}`);
  return path !== undefined && path.startsWith(`${root}/`) ? path : undefined;
}

/** `#internal` names a package's own `imports` map, from a file inside that package. */
function resolveImport(
  index: PackageIndex,
  request: string,
  from: string,
): ResolvedFile | undefined {
  const owner = index.packageOf(`${from}/x`);
  if (owner === undefined) return undefined;
  const manifest = manifestOrThrow(index, owner.root);
  let targets: string[] | void;
  try {
    targets = resolveImports({ name: owner.name, imports: manifest.imports } as never, request, {
      require: true,
      conditions: ['node'],
    });
  } catch {
    targets = undefined;
  }
  const target = targets?.[0];
  if (target === undefined) return undefined;
  if (target.startsWith('./')) {
    const path = targetPath(owner.root, target);
    return path !== undefined && index.files.has(path) ? { path } : undefined;
  }
  // An import may map to another package: resolved from the importing package's folder.
  const found = loadNodeModules(index, target, owner.root);
  return found === undefined ? undefined : { path: found };
}

function manifestOrThrow(index: PackageIndex, root: string) {
  const manifest = index.manifest(root);
  if (manifest === undefined) {
    throw packageError(
      'ERR_INVALID_PACKAGE_CONFIG',
      `Invalid package config ${root}/package.json: not a JSON object`,
    );
  }
  return manifest;
}

function labelOf(index: PackageIndex, root: string, name: string): string {
  const installed = index.packageOf(`${root}/package.json`);
  return installed ? packageLabel(installed) : name;
}
