// Paths inside a package tree: '/'-separated, relative to the tree's root (where the hook
// sits), never starting with '/'. The root directory itself is ''. A path that would climb
// above the root is undefined: nothing outside the tree can be named.

/** `a/b/../c/./d` → `a/c/d`; undefined when `..` climbs above the root. */
export function normalizeTreePath(path: string): string | undefined {
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return parts.join('/');
}

/** `target` seen from directory `from`; a leading '/' means the tree's root. */
export function joinTreePath(from: string, target: string): string | undefined {
  return normalizeTreePath(target.startsWith('/') ? target : `${from}/${target}`);
}

export function treeDirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** What a package's code sees as `__filename` / `__dirname`: absolute from the tree's root. */
export function absoluteTreePath(path: string): string {
  return `/${path}`;
}

/**
 * The installed package a path belongs to: the innermost `node_modules/<name>` or
 * `node_modules/@scope/<name>` folder, or undefined outside any package.
 */
export function packageRootOf(path: string): { root: string; name: string } | undefined {
  const parts = path.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] !== 'node_modules') continue;
    const first = parts[i + 1];
    if (first === undefined || first === '') return undefined;
    const length = first.startsWith('@') ? 2 : 1;
    const nameParts = parts.slice(i + 1, i + 1 + length);
    if (nameParts.length < length) continue;
    return { root: parts.slice(0, i + 1 + length).join('/'), name: nameParts.join('/') };
  }
  return undefined;
}

/** The `node_modules` folders Node searches from a directory, innermost first. */
export function nodeModulesPaths(from: string): string[] {
  const parts = from === '' ? [] : from.split('/');
  const paths: string[] = [];
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    paths.push([...parts.slice(0, i), 'node_modules'].join('/'));
  }
  paths.push('node_modules');
  return paths;
}

/** `lodash/fp/get` → lodash + `./fp/get`; `@s/p` → @s/p + `.`; undefined if not a package name. */
export function splitPackageRequest(
  request: string,
): { name: string; subpath: string } | undefined {
  const parts = request.split('/');
  const length = request.startsWith('@') ? 2 : 1;
  const nameParts = parts.slice(0, length);
  if (
    nameParts.length < length ||
    nameParts.some((part) => part === '' || part === '.' || part === '..')
  ) {
    return undefined;
  }
  const rest = parts.slice(length).join('/');
  return { name: nameParts.join('/'), subpath: rest === '' ? '.' : `./${rest}` };
}
