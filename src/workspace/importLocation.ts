import type { ImportEntry } from './expandImportFiles';
import { baseNameOf, folderOf } from './resolvePath';

/** Folders of a deploy-cli tenant export whose .js files are other assets, not hooks. */
const NOT_HOOK_FOLDERS = new Set(['rules', 'actions', 'database-connections', 'node_modules']);

/** Directly inside a folder named `hooks`, as deploy-cli lays out a directory export. */
export function isInHooksFolder(entry: ImportEntry): boolean {
  return baseNameOf(folderOf(entry.relative)).toLowerCase() === 'hooks';
}

/** Given on its own (or at the top of a zip), not found somewhere inside a folder. */
export function isLoose(entry: ImportEntry): boolean {
  return !entry.relative.includes('/');
}

/** Inside a tenant export's rule, action or database-script folder (or a hidden one). */
export function isInOtherAssetFolder(entry: ImportEntry): boolean {
  const folders = entry.relative.split('/').slice(0, -1);
  return folders.some(
    (folder) => NOT_HOOK_FOLDERS.has(folder.toLowerCase()) || folder.startsWith('.'),
  );
}
