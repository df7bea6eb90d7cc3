import { normalizeTreePath } from '../core/commonjs/treePath';
// Paths of imported files always use '/' (browsers give webkitRelativePath that way; zip
// entries too), so these helpers stay free of any platform path module.

/** `a\b/./c` → `a/b/c`: backslashes from Windows-made exports, no leading `./` or `/`. */
export function normalizePath(path: string): string {
  return resolvePath('', path) ?? '';
}

/** The folder part of a path, '' for a file at the top. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The last segment of a path. */
export function baseNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The lower-cased extension with its dot (`.js`), '' when there is none. */
export function extensionOf(path: string): string {
  const base = baseNameOf(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The file name without its extension. */
export function stemOf(path: string): string {
  const base = baseNameOf(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? base : base.slice(0, dot);
}

/**
 * `reference` (e.g. `./name.js`, `hooks/name.js`, `..\\x.js`) resolved against `folder`, as
 * deploy-cli resolves a hook's script. Undefined when it climbs above the top: nothing outside
 * the imported files can be read.
 */
export function resolvePath(folder: string, reference: string): string | undefined {
  return normalizeTreePath(`${folder}/${reference.replace(/\\/g, '/')}`);
}
